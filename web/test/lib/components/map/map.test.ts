import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVINCES } from '@kh02/schemas/registry';
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../../../src/lib/status/palette';
import { tile } from '../../../support/fixtures';
import {
  archipelagoFrames,
  islandPoints,
  labelPoint,
  paintedCollection,
  paintFor,
  type Archipelago,
  type ProvinceCollection,
} from '../../../../src/lib/components/map/geo';
import MapLabels from '../../../../src/lib/components/map/MapLabels.svelte';

// The committed, generated geometry the wall really loads.
const read = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../../static/geo', name), 'utf8'));
const geo = read('vn34.geojson') as ProvinceCollection;
const archipelagos = read('archipelagos.json') as Archipelago[];

describe('map geometry and paint', () => {
  it('has the 34 registry provinces and both archipelagos owned by Đà Nẵng and Khánh Hòa', () => {
    expect(geo.features.map((f) => f.properties.code).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
    expect(archipelagos.map((a) => [a.id, a.province_code])).toEqual([
      ['hoang-sa', '48'],
      ['truong-sa', '56'],
    ]);
  });

  it('draws every island of Hoàng Sa and Trường Sa as a dot in its province colour', () => {
    const islands = islandPoints(geo, archipelagos);
    const owners = new Set(islands.features.map((f) => f.properties.code));
    expect(owners).toEqual(new Set(['48', '56']));
    expect(islands.features.length).toBeGreaterThanOrEqual(10);
    expect(archipelagoFrames(archipelagos).features).toHaveLength(2);
  });

  it('sends crowded delta labels out to sea, away from their own label point', () => {
    const hp = geo.features.find((f) => f.properties.code === '31')!;
    expect(labelPoint(hp)).not.toEqual(hp.properties.label);
  });

  it('paints noreport and stale for the hatch layer, keeping a stale unit’s last colour dimmed', () => {
    expect(paintFor(tile('01', { status: 'red' }), false)).toEqual({
      status: 'red',
      fill: STATUS_COLORS.red,
      opacity: 0.92,
    });
    expect(paintFor(tile('01', { status: 'red' }), true)).toMatchObject({ status: 'stale', fill: STATUS_COLORS.red });
    expect(paintFor(undefined, false).status).toBe('noreport');
    const painted = paintedCollection(geo, new Map([['01', tile('01', { status: 'yellow' })]]), false);
    expect(painted.features.find((f) => f.properties.code === '01')?.properties.status).toBe('yellow');
    // Geometry is shared, not copied, on every recolour.
    expect(painted.features[0]?.geometry).toBe(geo.features[0]?.geometry);
  });
});

describe('MapLabels', () => {
  const positions: Record<string, [number, number]> = {};
  geo.features.forEach((f, i) => (positions[f.properties.code] = [i, i]));
  for (const a of archipelagos) positions[a.id] = [500, 500];
  const props = {
    features: geo.features,
    archipelagos,
    positions,
    anchors: positions,
    linkLost: false,
    onselect: () => undefined,
  };

  it('names every province with its status icon, and both archipelagos with their province', () => {
    const tiles = new Map([['14', tile('14', { status: 'red' })]]);
    const { container } = render(MapLabels, { ...props, tiles, lang: 'vi' });
    const labels = [...container.querySelectorAll<HTMLElement>('.label')];
    expect(labels).toHaveLength(34);
    for (const p of PROVINCES) expect(labels.find((l) => l.dataset.code === p.code)?.textContent?.trim()).toBe(p.name);
    const sonLa = labels.find((l) => l.dataset.code === '14')!;
    expect(sonLa.dataset.status).toBe('red');
    expect(sonLa.querySelector('[data-icon]')?.getAttribute('data-icon')).toBe('✕');
    expect(container.querySelector('[data-archipelago="hoang-sa"]')?.textContent?.trim()).toBe(
      'Quần đảo Hoàng Sa (TP. Đà Nẵng)',
    );
    expect(container.querySelector('[data-archipelago="truong-sa"]')?.textContent?.trim()).toBe(
      'Quần đảo Trường Sa (Khánh Hòa)',
    );
  });

  it('labels in English and shows every province stale while the link is lost', () => {
    const { container } = render(MapLabels, { ...props, tiles: new Map(), lang: 'en', linkLost: true });
    expect(container.querySelector('[data-code="01"]')?.textContent?.trim()).toBe('Hanoi');
    expect(container.querySelector('[data-archipelago="truong-sa"]')?.textContent?.trim()).toBe(
      'Truong Sa (Spratly) Islands (Khanh Hoa)',
    );
  });
});
