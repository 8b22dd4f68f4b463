import { bilingual, MetricPushAcceptedSchema, PUSH_ROUTES, type HealthSample } from '@kh02/schemas';
import { encodeRemoteWrite, healthSeriesFor, snappyBlock } from '../protocols/remote-write-encode.js';
import { expectError, fail, pass, skip, type CheckContext, type ConformanceCheck } from './check-types.js';
import { eventsOf } from './payloads.js';

const PROTOBUF = { 'content-type': 'application/x-protobuf', 'content-encoding': 'snappy' };
const bearer = (ctx: CheckContext) => ({ authorization: `Bearer ${ctx.token}` });

/** The vendor's own sample as the series its Prometheus would send (metric set v1), at a fresh instant. */
function seriesOf(ctx: CheckContext): Uint8Array | undefined {
  // Prometheus and OTel exporters cannot sign requests: a key that requires signatures cannot push.
  if (ctx.kind !== 'health_sample' || ctx.sign) return undefined;
  const e = eventsOf(ctx.fresh())[0] as Partial<HealthSample> | undefined;
  if (!e?.system_id) return undefined;
  const v = {
    uptime: e.uptime_pct ?? 100,
    cpu: e.cpu_pct ?? 0,
    ram: e.ram_pct ?? 0,
    netIn: e.net_in_bps ?? 0,
    netOut: e.net_out_bps ?? 0,
  };
  return encodeRemoteWrite(healthSeriesFor(e.system_id, ctx.now() - 1_000 - Math.floor(Math.random() * 1_000), v));
}

const NOT_SAMPLES =
  'only for health_sample payloads without --sign (the push protocols carry system health and cannot sign)';

/** Prometheus remote-write (docs/conformance.md): for vendors pointing their Prometheus at us. */
export const PUSH_CHECKS: ConformanceCheck[] = [
  {
    id: 'remote-write-auth',
    title: bilingual('Remote-write không có khóa bị từ chối (401)', 'Remote-write without a key is refused (401)'),
    run: async (ctx) => {
      const body = seriesOf(ctx);
      if (!body) return skip(NOT_SAMPLES);
      return expectError(await ctx.client.postBytes(PUSH_ROUTES.prometheus, body, PROTOBUF), 401, 'UNAUTHENTICATED');
    },
  },
  {
    id: 'remote-write-bad-body',
    title: bilingual(
      'Remote-write hỏng bị từ chối (400), không lưu gì',
      'A broken remote-write body is refused (400), nothing stored',
    ),
    run: async (ctx) => {
      if (!seriesOf(ctx)) return skip(NOT_SAMPLES);
      const garbage = snappyBlock(Buffer.from('not a protobuf WriteRequest'));
      const res = await ctx.client.postBytes(PUSH_ROUTES.prometheus, garbage, { ...PROTOBUF, ...bearer(ctx) });
      return expectError(res, 400, 'INVALID_PROTOBUF');
    },
  },
  {
    id: 'remote-write-accepted',
    title: bilingual(
      'Chuỗi số liệu Prometheus thành mẫu giám sát (200), gửi lại không lưu trùng',
      'Prometheus series become a health sample (200); a retry is not stored twice',
    ),
    run: async (ctx) => {
      const body = seriesOf(ctx);
      if (!body) return skip(NOT_SAMPLES);
      const first = await ctx.client.postBytes(PUSH_ROUTES.prometheus, body, { ...PROTOBUF, ...bearer(ctx) });
      const parsed = MetricPushAcceptedSchema.safeParse(first.json);
      if (first.status !== 200 || !parsed.success || parsed.data.accepted !== 1) {
        return fail(`expected HTTP 200 with accepted = 1, got HTTP ${first.status} ${first.text.slice(0, 300)}`);
      }
      const again = MetricPushAcceptedSchema.safeParse(
        (await ctx.client.postBytes(PUSH_ROUTES.prometheus, body, { ...PROTOBUF, ...bearer(ctx) })).json,
      );
      if (!again.success || !again.data.duplicate || again.data.bus_seq !== parsed.data.bus_seq) {
        return fail('the same bytes sent again were not answered as a duplicate of the first push');
      }
      return pass(`HTTP 200, accepted 1, bus_seq ${parsed.data.bus_seq}; the retry is a duplicate`);
    },
  },
];
