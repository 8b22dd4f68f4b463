/*
 * One shared ticking clock for the header and every SLA countdown, so a wall
 * with 80 tiles runs one timer, not 80. Ticks on the second boundary so the
 * displayed seconds never skip or stutter.
 */
export class Clock {
  /** Local epoch ms at the last tick. */
  now = $state(Date.now());
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #read: () => number;

  constructor(read: () => number = Date.now) {
    this.#read = read;
    this.now = read();
  }

  start(): () => void {
    const tick = () => {
      this.now = this.#read();
      this.#timer = setTimeout(tick, 1000 - (this.now % 1000) + 5);
    };
    tick();
    return () => this.stop();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
