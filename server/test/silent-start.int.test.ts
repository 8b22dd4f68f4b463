import type { Tile, WallSnapshot } from '@kh02/schemas';
import { startTestSystem, type TestSystem } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The system started with no vendor, no counter, nothing at all sending: nothing may look healthy. */
let sut: TestSystem;
beforeAll(async () => {
  sut = await startTestSystem('silent-start');
}, 60_000);
afterAll(async () => sut.close());

const wall = async (): Promise<WallSnapshot> =>
  (await (
    await fetch(`${sut.system.apiUrl}/api/v1/wall`, { headers: { authorization: `Bearer ${sut.system.displayToken}` } })
  ).json()) as WallSnapshot;

describe('a wall whose feeds are all silent', () => {
  it('shows no green tile: every province and agency is noreport, each with a reason saying so', async () => {
    const { tiles } = await wall();
    expect(tiles.length).toBe(34 + tiles.filter((t) => t.kind === 'agency').length);
    const green = tiles.filter((t: Tile) => t.status === 'green').map((t) => t.code);
    expect(green).toEqual([]);
    for (const t of tiles) {
      expect(t.status, t.code).toBe('noreport');
      expect(t.reasons.length, t.code).toBeGreaterThan(0);
    }
  });

  it('tells the header the data is not fresh, even though the socket and the bus are fine', async () => {
    const snapshot = await wall();
    expect(snapshot.pipeline.stale).toBe(false);
    expect(snapshot.pipeline.data_fresh).toBe(false);
    expect(snapshot.data_as_of).toBeNull();
  });
});
