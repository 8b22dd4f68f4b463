/*
 * Where each province name goes on the map so that no name hides another.
 * The Red River delta packs a dozen provinces into a few hundred pixels, and
 * at the wall's minimum type size their names cannot all sit on their own
 * province: a name that collides is moved to the nearest free spot and tied
 * to its province by a leader line. Pure geometry on measured boxes, so it
 * runs the same at 1920×1080 and 3840×2160 and is tested without a browser.
 */

export interface LabelRequest {
  code: string;
  /** Where the label would like its centre (its province, or a spot out at sea). */
  at: readonly [number, number];
  /** The province's own label point: the leader line starts here. */
  anchor: readonly [number, number];
  width: number;
  height: number;
}

export interface PlacedLabel {
  code: string;
  centre: [number, number];
  /** Set when the label no longer covers its anchor, so the eye needs a line back to the province. */
  leader: { from: [number, number]; to: [number, number] } | null;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const boxAt = (cx: number, cy: number, w: number, h: number, gap: number): Box => ({
  left: cx - w / 2 - gap,
  top: cy - h / 2 - gap,
  right: cx + w / 2 + gap,
  bottom: cy + h / 2 + gap,
});

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Candidate offsets from the wished-for centre, nearest first; vertical moves are cheaper (names are wide). */
function candidateOffsets(width: number, height: number): [number, number][] {
  const stepX = Math.max(4, height / 2);
  const stepY = Math.max(4, height / 2);
  const reachX = Math.ceil((width * 1.6) / stepX);
  const reachY = 10;
  const out: [number, number, number][] = [];
  for (let i = -reachX; i <= reachX; i++) {
    for (let j = -reachY; j <= reachY; j++) {
      const dx = i * stepX;
      const dy = j * stepY;
      out.push([dx, dy, dx * dx + 0.5 * dy * dy]);
    }
  }
  return out.sort((a, b) => a[2] - b[2]).map(([dx, dy]) => [dx, dy]);
}

/** The point of a box nearest to p (where a leader line meets the label). */
function nearestPoint(b: Box, p: readonly [number, number]): [number, number] {
  return [Math.min(Math.max(p[0], b.left), b.right), Math.min(Math.max(p[1], b.top), b.bottom)];
}

/**
 * Places labels greedily: those that collide with nobody where they want to be
 * keep their spot first, then the crowded ones take the nearest free spot in
 * the order given. `bounds` keeps every label inside the map panel; `gap` is
 * the clear space kept between two labels.
 */
export function layoutLabels(
  requests: readonly LabelRequest[],
  bounds: { width: number; height: number },
  gap = 2,
): PlacedLabel[] {
  const wished = requests.map((r) => boxAt(r.at[0], r.at[1], r.width, r.height, gap / 2));
  const crowded = requests.map((_, i) => wished.some((b, j) => j !== i && overlaps(b, wished[i] as Box)));
  const order = requests.map((_, i) => i).sort((a, b) => Number(crowded[a]) - Number(crowded[b]));
  const placed: Box[] = [];
  const result = new Map<string, PlacedLabel>();
  for (const i of order) {
    const r = requests[i] as LabelRequest;
    const inside = (cx: number, cy: number) =>
      cx - r.width / 2 >= 0 &&
      cy - r.height / 2 >= 0 &&
      cx + r.width / 2 <= bounds.width &&
      cy + r.height / 2 <= bounds.height;
    let centre: [number, number] = [r.at[0], r.at[1]];
    for (const [dx, dy] of candidateOffsets(r.width, r.height)) {
      const cx = r.at[0] + dx;
      const cy = r.at[1] + dy;
      if (!inside(cx, cy)) continue;
      const box = boxAt(cx, cy, r.width, r.height, gap / 2);
      if (!placed.some((p) => overlaps(p, box))) {
        centre = [cx, cy];
        break;
      }
    }
    const own = boxAt(centre[0], centre[1], r.width, r.height, 0);
    placed.push(boxAt(centre[0], centre[1], r.width, r.height, gap / 2));
    const covers =
      r.anchor[0] >= own.left && r.anchor[0] <= own.right && r.anchor[1] >= own.top && r.anchor[1] <= own.bottom;
    result.set(r.code, {
      code: r.code,
      centre,
      leader: covers ? null : { from: [r.anchor[0], r.anchor[1]], to: nearestPoint(own, r.anchor) },
    });
  }
  return requests.map((r) => result.get(r.code) as PlacedLabel);
}
