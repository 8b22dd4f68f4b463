/*
 * Shrinks a panel's content (through the `--fit` CSS variable, down to a floor) until
 * it fits the panel's height, and grows it back when room returns. Used for
 * the agency grid next to the map: 48 tiles must all stay on one wall screen
 * whatever the resolution, kiosk type size or number of ticket clocks.
 * The content must size itself in `em` from `font-size: calc(1rem * var(--fit))`.
 */
/**
 * The smallest scale that keeps 1em text at the wall's floor (14 px at 1920 px wide, 28 px at 3840,
 * as --text-min on the desk wall) whatever the root size: the kiosk's type is larger, so it may shrink further.
 */
export function floorScale(): number {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const deskRoot = Math.min(48, Math.max(13, window.innerWidth * 0.008333));
  return (0.875 * deskRoot) / root;
}

export function fitHeight(node: HTMLElement, min: number | 'floor' = 0.6): { destroy(): void } {
  let scale = 1;
  let frame = 0;

  const measure = () => {
    frame = 0;
    const content = node.firstElementChild;
    if (!(content instanceof HTMLElement)) return;
    const style = getComputedStyle(node);
    const available = node.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const needed = content.scrollHeight;
    if (available <= 0 || needed <= 0) return;
    // Height is close to proportional to the type scale; a 1 % dead band stops see-sawing.
    const lowest = min === 'floor' ? floorScale() : min;
    const next = Math.min(1, Math.max(lowest, (scale * available * 0.99) / needed));
    if (Math.abs(next - scale) < 0.01) return;
    scale = next;
    node.style.setProperty('--fit', scale.toFixed(3));
  };

  const observer = new ResizeObserver(() => {
    if (!frame) frame = requestAnimationFrame(measure);
  });
  observer.observe(node);
  if (node.firstElementChild) observer.observe(node.firstElementChild);

  return {
    destroy() {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    },
  };
}
