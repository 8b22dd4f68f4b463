import { bilingual, DEFAULT_TIME_WINDOW, validateBatch, type TimeWindowPolicy } from '@kh02/schemas';
import { eventsOf } from './payloads.js';
import { parseToken } from './ingest-client.js';
import { fail, pass, skip, type ConformanceCheck } from './check-types.js';

/** Wide enough that only the shape is judged here; the time window is its own check. */
const SHAPE_ONLY: TimeWindowPolicy = {
  maxFutureMs: 100 * 365 * 86_400_000,
  sampleMaxAgeMs: 100 * 365 * 86_400_000,
  counterMaxAgeMs: 100 * 365 * 86_400_000,
  reportMaxAgeDays: 100 * 365,
};

const issueLines = (rejected: ReturnType<typeof validateBatch>['rejected']) =>
  rejected.flatMap((r) => r.issues.map((i) => `${i.path}: ${i.message.vi} / ${i.message.en}`)).slice(0, 30);

/** Local checks: nothing is sent to the server. */
export const PAYLOAD_CHECKS: ConformanceCheck[] = [
  {
    id: 'token-format',
    title: bilingual('Khóa API đúng dạng kh02_<mã>_<bí mật>', 'API key has the form kh02_<id>_<secret>'),
    run: (ctx) => {
      const parsed = parseToken(ctx.token);
      return parsed
        ? pass(`key id ${parsed.id}`)
        : fail('the token is not kh02_<key-id>_<secret>; ask the Center for a key');
    },
  },
  {
    id: 'payload-schema',
    title: bilingual(
      'Dữ liệu đúng hợp đồng (JSON Schema + quy tắc chéo)',
      'Payload matches the contract (JSON Schema + cross-field rules)',
    ),
    run: (ctx) => {
      const v = validateBatch(ctx.kind, ctx.original, ctx.now(), SHAPE_ONLY);
      if (v.envelopeIssues.length > 0) {
        ctx.state.schemaOk = false;
        return fail(...v.envelopeIssues.map((i) => `${i.path}: ${i.message.vi} / ${i.message.en}`));
      }
      ctx.state.schemaOk = v.rejected.length === 0;
      return ctx.state.schemaOk
        ? pass(`${v.accepted.length} event(s) valid`)
        : fail(
            `${v.rejected.length} of ${v.rejected.length + v.accepted.length} event(s) invalid`,
            ...issueLines(v.rejected),
          );
    },
  },
  {
    id: 'time-window',
    title: bilingual('Thời điểm trong khung cho phép (đồng hồ NTP)', 'Times within the accepted window (NTP clock)'),
    run: (ctx) => {
      if (ctx.refreshTimes)
        return skip('times were moved to now for the live checks (run with --no-refresh to check yours)');
      const v = validateBatch(ctx.kind, ctx.original, ctx.now(), DEFAULT_TIME_WINDOW);
      return v.rejected.length === 0 && v.envelopeIssues.length === 0
        ? pass(`${eventsOf(ctx.original).length} event(s) within the window`)
        : fail(...issueLines(v.rejected));
    },
  },
];
