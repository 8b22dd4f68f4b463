/*
 * Canvas-drawn hatch images for the two "not a live colour" states, so they
 * read without colour: `noreport` = "/" stripes, `stale` = "\" stripes.
 * The same directions are used by the CSS tiles (app.css) to stay consistent.
 */
export const HATCH_NOREPORT = 'hatch-noreport';
export const HATCH_STALE = 'hatch-stale';

export function drawHatch(
  size: number,
  direction: 'up' | 'down',
  color: string,
  lineWidth: number,
): { width: number; height: number; data: Uint8ClampedArray } | null {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth;
  ctx.lineCap = 'square';
  // Three segments so the stripe continues seamlessly across tile edges.
  for (const offset of [-size, 0, size]) {
    ctx.beginPath();
    if (direction === 'up') {
      ctx.moveTo(offset, size);
      ctx.lineTo(offset + size, 0);
    } else {
      ctx.moveTo(offset, 0);
      ctx.lineTo(offset + size, size);
    }
    ctx.stroke();
  }
  const img = ctx.getImageData(0, 0, size, size);
  return { width: size, height: size, data: img.data };
}
