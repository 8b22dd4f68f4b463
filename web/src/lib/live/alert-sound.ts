/*
 * The kiosk's optional chime when a unit turns red (`?kiosk=1&sound=1`):
 * two short tones made with Web Audio, so there is no sound file to ship.
 * Browsers only play audio after a user gesture unless the kiosk's Chromium
 * runs with `--autoplay-policy=no-user-gesture-required` (docs/wall.md).
 */
export class AlertSound {
  #ctx: AudioContext | null = null;

  play(): void {
    try {
      this.#ctx ??= new AudioContext();
      const ctx = this.#ctx;
      if (ctx.state === 'suspended') void ctx.resume();
      const t0 = ctx.currentTime;
      for (const [i, freq] of [880, 660].entries()) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t0 + i * 0.22);
        gain.gain.exponentialRampToValueAtTime(0.25, t0 + i * 0.22 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.22 + 0.2);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t0 + i * 0.22);
        osc.stop(t0 + i * 0.22 + 0.21);
      }
    } catch {
      // No audio device on this wall PC: the pulse and the change list still show it.
    }
  }

  close(): void {
    void this.#ctx?.close();
    this.#ctx = null;
  }
}
