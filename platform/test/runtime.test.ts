import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  // Node 20 reached end of life on 2026-04-30; the `node` devDependency puts Node 24 LTS first on every npm script's PATH.
  it('runs the tests on Node 24 LTS or newer', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });
});
