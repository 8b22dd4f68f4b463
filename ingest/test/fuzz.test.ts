import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  ApiErrorBodySchema,
  EVENT_SCHEMAS,
  STREAMS,
  TELEMETRY_KINDS,
  validateBatch,
  type BilingualText,
  type FieldIssue,
} from '@kh02/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW } from '@kh02/testkit';
import {
  anyBody,
  sampleWithOneBadField,
  sampleWithUnknownField,
  validCounter,
  validSample,
} from './support/fuzz-arbitraries.js';
import { startIngestHarness, type IngestHarness, type InjectResponse } from '@kh02/testkit';

/**
 * Property-based fuzzing of the ingest contracts (fast-check), at two levels:
 * the shared validator itself (many inputs, no I/O) and the HTTP endpoints
 * with a real (in-process) bus. Every property counts the inputs it was
 * given; the counts are written to test-artifacts/fuzz/ingest.json.
 */
const tried: Record<string, number> = {};
/** Which answers the arbitrary bodies drew (shows the fuzzing reached every branch). */
const statuses: Record<string, number> = {};
const RUNS = { validator: 2_000, http: 400, valid: 300, mutation: 500, raw: 400 };

let h: IngestHarness;
beforeAll(async () => {
  h = await startIngestHarness();
});
afterAll(async () => {
  await h.close();
  const dir = join(import.meta.dirname, '..', '..', 'test-artifacts', 'fuzz');
  await mkdir(dir, { recursive: true });
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  await writeFile(join(dir, 'ingest.json'), JSON.stringify({ total, properties: tried, statuses }, null, 2));
});

/** Wraps a property body so every generated input is counted. */
function counted<T extends unknown[]>(name: string, body: (...args: T) => void | Promise<void>) {
  tried[name] = 0;
  return async (...args: T) => {
    tried[name] = (tried[name] ?? 0) + 1;
    await body(...args);
  };
}

function isBilingual(m: BilingualText): boolean {
  return m.vi.trim().length > 0 && m.en.trim().length > 0;
}

function wellFormedIssue(i: FieldIssue): boolean {
  return i.path.length > 0 && i.reason.length > 0 && isBilingual(i.message);
}

const lastSeq = async () => (await h.bus.streamState(STREAMS.telemetry)).lastSeq;
const post = (path: string, body: unknown, token?: string) => h.post(path, body, token ? { token } : {});

/** The HTTP invariants for any body: a known status, never 5xx, errors well-formed, the bus moves only on 2xx. */
async function checkAnswer(res: InjectResponse, before: number): Promise<void> {
  expect([202, 207, 400, 403]).toContain(res.statusCode);
  const code = res.statusCode >= 400 ? ApiErrorBodySchema.parse(res.json()).error.code : 'accepted';
  statuses[`${res.statusCode} ${code}`] = (statuses[`${res.statusCode} ${code}`] ?? 0) + 1;
  if (res.statusCode >= 400) {
    const body = ApiErrorBodySchema.parse(res.json());
    expect(isBilingual(body.error.message)).toBe(true);
    expect((body.error.details ?? []).every(wellFormedIssue)).toBe(true);
    expect(await lastSeq()).toBe(before);
  } else {
    expect(await lastSeq()).toBe(before + 1);
  }
}

describe('fuzzing the shared validator (validateBatch)', () => {
  it.each(TELEMETRY_KINDS)(
    '%s: never throws; rows are partitioned; every issue is located and bilingual',
    async (kind) => {
      const name = `validator:${kind}`;
      await fc.assert(
        fc.asyncProperty(
          anyBody,
          counted(name, (body: unknown) => {
            const v = validateBatch(kind, body, NOW);
            expect(v.envelopeIssues.every(wellFormedIssue)).toBe(true);
            if (v.envelopeIssues.length > 0) expect(v.accepted.length + v.rejected.length).toBe(0);
            const indices = [...v.accepted.map((r) => r.index), ...v.rejected.map((r) => r.index)].sort(
              (a, b) => a - b,
            );
            expect(indices).toEqual(indices.map((_, i) => i));
            expect(v.rejected.every((r) => r.issues.length > 0 && r.issues.every(wellFormedIssue))).toBe(true);
            for (const r of v.accepted) expect(EVENT_SCHEMAS[kind].safeParse(r.event).success).toBe(true);
          }),
        ),
        { numRuns: RUNS.validator },
      );
      expect(tried[name]).toBe(RUNS.validator);
    },
  );
});

describe('fuzzing the HTTP endpoints (real in-process bus)', () => {
  it('arbitrary bodies: a known status, never 5xx, bilingual errors, and the bus moves only on acceptance', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyBody,
        counted('http:any-body', async (body: unknown) => {
          const before = await lastSeq();
          await checkAnswer(await post('/v1/health-samples', body), before);
        }),
      ),
      { numRuns: RUNS.http },
    );
    expect(tried['http:any-body']).toBe(RUNS.http);
  });

  it('arbitrary raw bytes as a body: 400, never 5xx, nothing published', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 200 }),
        counted('http:raw-text', async (raw: string) => {
          const before = await lastSeq();
          const res = await h.post('/v1/health-samples', null, { raw });
          expect(res.statusCode).toBe(400);
          await checkAnswer(res, before);
        }),
      ),
      { numRuns: RUNS.raw },
    );
  });

  it('every valid sample and counter report is accepted (no false rejections)', async () => {
    await fc.assert(
      fc.asyncProperty(
        validSample,
        counted('http:valid-sample', async (event) => {
          const res = await post('/v1/health-samples', event);
          expect(res.statusCode, res.body.slice(0, 300)).toBe(202);
        }),
      ),
      { numRuns: RUNS.valid },
    );
    await fc.assert(
      fc.asyncProperty(
        validCounter,
        counted('http:valid-counter', async (event) => {
          const res = await post('/v1/counter-reports', event, h.tokens['counter-p01']);
          expect(res.statusCode, res.body.slice(0, 300)).toBe(202);
        }),
      ),
      { numRuns: RUNS.valid },
    );
  });

  it('one field broken in an otherwise valid sample: 400 pointing at that field', async () => {
    await fc.assert(
      fc.asyncProperty(
        sampleWithOneBadField,
        counted('http:one-bad-field', async ({ field, event }) => {
          const before = await lastSeq();
          const res = await post('/v1/health-samples', event);
          expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
          const paths = (ApiErrorBodySchema.parse(res.json()).error.details ?? []).map((d) => d.path);
          expect(paths.some((p) => p === field || p.startsWith(`${field}[`) || p.startsWith(`${field}.`))).toBe(true);
          await checkAnswer(res, before);
        }),
      ),
      { numRuns: RUNS.mutation },
    );
  });

  it('an unknown field in an otherwise valid sample: 400 unknown_field naming that field', async () => {
    await fc.assert(
      fc.asyncProperty(
        sampleWithUnknownField,
        counted('http:unknown-field', async ({ key, event }) => {
          const res = await post('/v1/health-samples', event);
          expect(res.statusCode).toBe(400);
          const details = ApiErrorBodySchema.parse(res.json()).error.details ?? [];
          expect(details).toContainEqual(expect.objectContaining({ path: key, reason: 'unknown_field' }));
        }),
      ),
      { numRuns: RUNS.mutation },
    );
  });
});
