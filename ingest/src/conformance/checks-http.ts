import { randomUUID } from 'node:crypto';
import { bilingual, IngestAcceptedSchema } from '@kh02/schemas';
import { eventsOf } from './payloads.js';
import { expectError, fail, pass, skip, type CheckContext, type ConformanceCheck } from './check-types.js';

const newKey = () => `conf-${randomUUID()}`;
const body = (ctx: CheckContext) => JSON.stringify(ctx.fresh());
const post = (
  ctx: CheckContext,
  payload: string,
  opts: { token?: string; key?: string; contentType?: string; badSignature?: boolean } = {},
) =>
  ctx.client.post(ctx.path, payload, {
    token: opts.token ?? ctx.token,
    idempotencyKey: opts.key ?? newKey(),
    sign: ctx.sign && (opts.token ?? ctx.token) !== '',
    ...(opts.contentType ? { contentType: opts.contentType } : {}),
    ...(opts.badSignature ? { badSignature: true } : {}),
  });

/** A payload the key may not send: another vendor's name, or a commune of another province. */
function outOfScope(ctx: CheckContext): unknown {
  const events = eventsOf(ctx.fresh());
  const first = events[0] ?? {};
  if (ctx.kind === 'counter_report') {
    const own = ctx.registry.provinceOf(String(first.unit_code));
    const other = ctx.registry.provinces.find((p) => p.code !== own);
    const unit = other ? ctx.registry.communesOf(other.code)[0]?.code : undefined;
    return { ...first, unit_code: unit ?? '00000' };
  }
  const vendor = ctx.registry.vendors.find((v) => v.code !== first.vendor)?.code ?? 'ZZ';
  return { ...first, vendor };
}

/** Checks against the sandbox: authentication, idempotency, scope, partial batches. */
export const HTTP_CHECKS: ConformanceCheck[] = [
  {
    id: 'auth-missing',
    title: bilingual('Thiếu khóa API bị từ chối (401)', 'A request without a key is refused (401)'),
    run: async (ctx) => expectError(await post(ctx, body(ctx), { token: '' }), 401, 'UNAUTHENTICATED'),
  },
  {
    id: 'auth-invalid',
    title: bilingual('Khóa API sai bị từ chối (401)', 'A wrong key is refused (401)'),
    run: async (ctx) => {
      const tampered = ctx.token.replace(/.{6}$/, (s) => (s === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'));
      return expectError(await post(ctx, body(ctx), { token: tampered }), 401, 'UNAUTHENTICATED');
    },
  },
  {
    id: 'idempotency-key-required',
    title: bilingual('Bắt buộc có Idempotency-Key (400)', 'Idempotency-Key is required (400)'),
    run: async (ctx) => expectError(await post(ctx, body(ctx), { key: '' }), 400, 'MISSING_IDEMPOTENCY_KEY'),
  },
  {
    id: 'json-only',
    title: bilingual('Chỉ nhận application/json (415)', 'Only application/json is accepted (415)'),
    run: async (ctx) =>
      expectError(await post(ctx, body(ctx), { contentType: 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  {
    id: 'accepted',
    title: bilingual('Dữ liệu của nhà cung cấp được nhận (202)', 'The vendor’s payload is accepted (202)'),
    run: async (ctx) => {
      if (ctx.state.schemaOk === false) return skip('the payload does not match the contract');
      const payload = body(ctx);
      const key = newKey();
      const res = await post(ctx, payload, { key });
      const parsed = IngestAcceptedSchema.safeParse(res.json);
      if (res.status !== 202 || !parsed.success) {
        return fail(`expected HTTP 202, got HTTP ${res.status}`, res.text.slice(0, 600));
      }
      const n = eventsOf(JSON.parse(payload)).length;
      if (parsed.data.accepted !== n || parsed.data.duplicate) {
        return fail(
          `expected ${n} accepted and duplicate = false, got ${parsed.data.accepted} / ${String(parsed.data.duplicate)}`,
        );
      }
      ctx.state.accepted = { body: payload, idempotencyKey: key, busSeq: parsed.data.bus_seq };
      return pass(`${n} event(s) accepted, bus_seq ${parsed.data.bus_seq}`);
    },
  },
  {
    id: 'idempotent-retry',
    title: bilingual(
      'Gửi lại cùng Idempotency-Key và nội dung không bị lưu trùng (202, duplicate)',
      'A retry with the same Idempotency-Key and body stores nothing new (202, duplicate)',
    ),
    run: async (ctx) => {
      const first = ctx.state.accepted;
      if (!first) return skip('needs the accepted check to pass first');
      const res = await post(ctx, first.body, { key: first.idempotencyKey });
      const parsed = IngestAcceptedSchema.safeParse(res.json);
      if (res.status === 202 && parsed.success && parsed.data.duplicate && parsed.data.bus_seq === first.busSeq) {
        return pass(
          `duplicate = true, same bus_seq ${first.busSeq}, idempotent-replayed: ${res.headers.get('idempotent-replayed') ?? '-'}`,
        );
      }
      return fail(
        `expected HTTP 202 with duplicate = true and bus_seq ${first.busSeq}, got HTTP ${res.status}`,
        res.text.slice(0, 300),
      );
    },
  },
  {
    id: 'idempotency-conflict',
    title: bilingual(
      'Dùng lại Idempotency-Key cho nội dung khác bị từ chối (422)',
      'Reusing an Idempotency-Key for a different body is refused (422)',
    ),
    run: async (ctx) => {
      const first = ctx.state.accepted;
      if (!first) return skip('needs the accepted check to pass first');
      return expectError(await post(ctx, body(ctx), { key: first.idempotencyKey }), 422, 'IDEMPOTENCY_CONFLICT');
    },
  },
  {
    id: 'scope-enforced',
    title: bilingual(
      'Khóa chỉ gửi được cho đơn vị/hệ thống của mình (403)',
      'The key may only report for its own units and systems (403)',
    ),
    run: async (ctx) => {
      if (ctx.state.schemaOk === false) return skip('the payload does not match the contract');
      return expectError(await post(ctx, JSON.stringify(outOfScope(ctx))), 403, 'FORBIDDEN_SCOPE');
    },
  },
  {
    id: 'partial-batch',
    title: bilingual(
      'Lô có dòng lỗi: dòng đúng được nhận, dòng sai được liệt kê (207)',
      'A batch with a bad row: good rows accepted, the bad one listed (207)',
    ),
    run: async (ctx) => {
      if (ctx.state.schemaOk === false) return skip('the payload does not match the contract');
      const good = eventsOf(ctx.fresh())[0] ?? {};
      // An event id shorter than 8 characters breaks only that row.
      const bad = { ...(eventsOf(ctx.fresh())[0] ?? {}), event_id: 'x' };
      const res = await post(ctx, JSON.stringify({ events: [good, bad] }));
      const parsed = IngestAcceptedSchema.safeParse(res.json);
      const rows = parsed.success ? (parsed.data.results ?? []) : [];
      const ok = res.status === 207 && rows[0]?.status === 'accepted' && rows[1]?.status === 'rejected';
      const reason = rows[1]?.errors?.[0];
      return ok
        ? pass(`HTTP 207; row 1 rejected at ${reason?.path ?? '?'}: ${reason?.message.en ?? ''}`)
        : fail(
            `expected HTTP 207 with row 0 accepted and row 1 rejected, got HTTP ${res.status}`,
            res.text.slice(0, 300),
          );
    },
  },
  {
    id: 'signature-enforced',
    title: bilingual('Chữ ký HMAC sai bị từ chối (401)', 'A wrong HMAC signature is refused (401)'),
    run: async (ctx) => {
      if (!ctx.sign) return skip('run with --sign to check request signatures');
      return expectError(await post(ctx, body(ctx), { badSignature: true }), 401, 'BAD_SIGNATURE');
    },
  },
];
