import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createRequestFactory,
  ingestPlan,
  INGEST_SCENARIOS,
  k6IngestOptions,
  k6Scenario,
  wallPlan,
} from '../scenarios/index.js';
import { installK6Globals, k6Calls, k6Execution } from './support/k6-stubs.js';

vi.mock('k6/http', async () => (await import('./support/k6-stubs.js')).k6Modules['k6/http']);
vi.mock('k6', async () => (await import('./support/k6-stubs.js')).k6Modules.k6);
vi.mock('k6/execution', async () => (await import('./support/k6-stubs.js')).k6Modules['k6/execution']);
vi.mock('k6/metrics', async () => (await import('./support/k6-stubs.js')).k6Modules['k6/metrics']);
vi.mock('k6/ws', async () => (await import('./support/k6-stubs.js')).k6Modules['k6/ws']);

const K6_DIR = fileURLToPath(new URL('../k6/', import.meta.url));
const TOKENS_FILE = join(K6_DIR, '..', 'test', 'support', 'tokens.fixture.json');

interface K6Script {
  options: { scenarios: Record<string, unknown>; thresholds: Record<string, string[]>; noConnectionReuse?: boolean };
  setup?: () => { runId: string };
  default?: (data: { runId: string }) => void;
}

async function loadScript(file: string, env: Record<string, string> = {}): Promise<K6Script> {
  vi.resetModules();
  installK6Globals({ TOKENS_FILE, ...env });
  return (await import(join(K6_DIR, file))) as K6Script;
}

/** Every import of a k6 script, transitively: k6 itself can resolve only relative paths and k6/* modules. */
function importsOf(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
  return specifiers.flatMap((s) => (s.startsWith('.') ? [s, ...importsOf(resolve(dirname(file), s), seen)] : [s]));
}

beforeEach(() => {
  k6Calls.posts.length = 0;
  k6Calls.checks = 0;
});

describe('k6 scripts read the same scenario definitions as the Node runner', () => {
  for (const name of Object.keys(INGEST_SCENARIOS)) {
    it(`${name}: options equal the runner's plan, at scale 1 and with SCALE/DURATION overrides`, async () => {
      const script = await loadScript(`${name}.js`);
      expect(script.options).toEqual(k6IngestOptions(name));
      expect(script.options.scenarios[name]).toEqual(k6Scenario(ingestPlan(name)));

      const env = { SCALE: '0.25', DURATION: '7s' };
      const scaled = await loadScript(`${name}.js`, env);
      expect(scaled.options.scenarios[name]).toEqual(k6Scenario(ingestPlan(name, env)));
    });
  }

  it('a k6 iteration posts exactly what the runner builds for the same iteration', async () => {
    const script = await loadScript('x100.js');
    const data = script.setup?.() ?? { runId: 'k6test' };
    const runner = createRequestFactory(ingestPlan('x100').mix, { runId: data.runId });
    for (const i of [0, 1, 2, 7, 10, 123]) {
      k6Execution.scenario.iterationInTest = i;
      script.default?.(data);
      const sent = k6Calls.posts.at(-1);
      const expected = runner(i, Date.now());
      expect(sent?.url).toBe(`http://127.0.0.1:8080${expected.path}`);
      expect(sent?.headers['idempotency-key']).toBe(expected.idempotencyKey);
      expect(sent?.headers.authorization).toBe(`Bearer token-of-${expected.keyId}`);
      // Same events; only the timestamps (taken at send time) may differ.
      const strip = (body: string | undefined) => body?.replace(/"\d{4}-\d\d-\d\dT[^"]+"/g, '"<time>"');
      expect(strip(sent?.body)).toBe(strip(expected.body));
    }
  });

  it('the burst sends every source once, then stops, with a new connection per request', async () => {
    const script = await loadScript('burst-17h.js');
    const plan = ingestPlan('burst-17h');
    expect(script.options.noConnectionReuse).toBe(true);
    for (let i = 0; i < (plan.maxIterations ?? 0) + 5; i++) {
      k6Execution.scenario.iterationInTest = i;
      script.default?.({ runId: 'k6burst' });
    }
    expect(k6Calls.posts).toHaveLength(plan.maxIterations ?? -1);
    const units = k6Calls.posts.map((p) => /"(?:unit_code|system_id)":"([^"]+)"/.exec(p.body)?.[1]);
    expect(new Set(units).size).toBe(plan.maxIterations);
  });

  it('wall-fanout: options come from the same wall plan', async () => {
    const script = await loadScript('wall-fanout.js', { SCALE: '0.1' });
    const plan = wallPlan('wall-fanout', { SCALE: '0.1' });
    expect(script.options.scenarios.walls).toMatchObject({
      executor: 'per-vu-iterations',
      vus: plan.clients,
      iterations: 1,
    });
    expect(script.options.scenarios.tiles).toMatchObject({ rate: plan.toggleRatePerSec, duration: `${plan.holdSec}s` });
    expect(script.options.thresholds).toEqual(plan.thresholds);
  });

  it('k6 scripts import nothing but relative modules and k6 built-ins', () => {
    for (const file of readdirSync(K6_DIR).filter((f) => f.endsWith('.js'))) {
      for (const spec of importsOf(join(K6_DIR, file))) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^(\.{1,2}\/.*\.js|k6(\/[a-z]+)?)$/);
      }
    }
  });
});
