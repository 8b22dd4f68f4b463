import { describe, expect, it } from 'vitest';
import { layoutLabels, type LabelRequest } from '../../../../src/lib/components/map/label-layout';

const req = (code: string, x: number, y: number, width = 80, height = 20): LabelRequest => ({
  code,
  at: [x, y],
  anchor: [x, y],
  width,
  height,
});

const box = (p: { centre: [number, number] }, w: number, h: number) => ({
  l: p.centre[0] - w / 2,
  r: p.centre[0] + w / 2,
  t: p.centre[1] - h / 2,
  b: p.centre[1] + h / 2,
});

describe('layoutLabels', () => {
  it('keeps a label that collides with nobody on its own spot, without a leader line', () => {
    const [a] = layoutLabels([req('01', 200, 200)], { width: 1000, height: 1000 });
    expect(a?.centre).toEqual([200, 200]);
    expect(a?.leader).toBeNull();
  });

  it('moves colliding labels apart so no two boxes overlap, and ties a moved one back with a leader line', () => {
    // Five names wished at nearly the same point, like the Red River delta at 14 px.
    const requests = [
      req('a', 300, 300),
      req('b', 305, 302),
      req('c', 298, 310),
      req('d', 310, 295),
      req('e', 300, 305),
    ];
    const placed = layoutLabels(requests, { width: 1000, height: 1000 });
    const boxes = placed.map((p) => box(p, 80, 20));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [x, y] = [boxes[i]!, boxes[j]!];
        expect(x.l < y.r && y.l < x.r && x.t < y.b && y.t < x.b, `${placed[i]?.code} × ${placed[j]?.code}`).toBe(false);
      }
    }
    expect(placed.filter((p) => p.leader !== null).length).toBeGreaterThanOrEqual(2);
    for (const p of placed) {
      if (!p.leader) continue;
      // The line starts at the province and ends on the label's edge.
      const b = box(p, 80, 20);
      expect(p.leader.from).toEqual(requests.find((r) => r.code === p.code)?.anchor);
      expect(p.leader.to[0]).toBeGreaterThanOrEqual(b.l);
      expect(p.leader.to[0]).toBeLessThanOrEqual(b.r);
      expect(p.leader.to[1]).toBeGreaterThanOrEqual(b.t);
      expect(p.leader.to[1]).toBeLessThanOrEqual(b.b);
    }
  });

  it('keeps every label inside the bounds even when its wished spot is at the edge', () => {
    const placed = layoutLabels([req('a', 5, 5), req('b', 995, 995), req('c', 8, 7)], { width: 1000, height: 1000 });
    for (const p of placed) {
      const b = box(p, 80, 20);
      expect(b.l).toBeGreaterThanOrEqual(0);
      expect(b.t).toBeGreaterThanOrEqual(0);
      expect(b.r).toBeLessThanOrEqual(1000);
      expect(b.b).toBeLessThanOrEqual(1000);
    }
  });

  it('returns the labels in the order they were asked for', () => {
    const placed = layoutLabels([req('z', 100, 100), req('a', 102, 100), req('m', 500, 500)], {
      width: 800,
      height: 800,
    });
    expect(placed.map((p) => p.code)).toEqual(['z', 'a', 'm']);
  });
});
