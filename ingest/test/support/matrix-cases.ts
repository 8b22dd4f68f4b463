import { counter, dailyReport, NOW, sample } from '@kh02/testkit';
import type { IngestHarness, InjectResponse } from '@kh02/testkit';

export type StoredTable = 'health_samples' | 'health_reports' | 'counter_reports' | 'incident_reports';

/** One hostile or broken request and the exact refusal it must get. */
export interface MatrixCase {
  name: string;
  /** Legitimate requests that set the scene (they may be accepted), before counts are taken. */
  prepare?: (h: IngestHarness) => Promise<unknown>;
  /** Events `prepare` got accepted, per table (for the final store count). */
  preparedRows?: Partial<Record<StoredTable, number>>;
  send: (h: IngestHarness) => Promise<InjectResponse>;
  status: number;
  code: string;
  /** Issues that must be among `error.details` (field path and machine reason). */
  details?: { path: string; reason: string }[];
  /** The answer must carry Retry-After (seconds ≥ 1). */
  retryAfter?: boolean;
}

const SAMPLES = '/v1/health-samples';
const COUNTERS = '/v1/counter-reports';
const counterToken = (h: IngestHarness) => h.tokens['counter-p01'];
const alert = (message: string) => ({ kind: 'security' as const, severity: 'critical' as const, message });
const withAlert = (message: string) => sample({ alerts: [alert(message)] });
const rawSample = () => JSON.stringify(sample());
const replaceCpu = (json: string, literal: string) => json.replace(/"cpu_pct":[^,]+/, `"cpu_pct":${literal}`);
const invalid = (path: string, reason: string) => ({
  status: 400,
  code: 'VALIDATION_FAILED',
  details: [{ path, reason }],
});

/** A sample whose first alert message is the given raw JSON string content (escapes kept as written). */
const withRawMessage = (content: string) => JSON.stringify(withAlert('MARK')).replace('"MARK"', `"${content}"`);
const withRawBytes = (bytes: number[]) => {
  const [head, tail] = JSON.stringify(withAlert('MARK')).split('MARK');
  return Buffer.concat([Buffer.from(head ?? ''), Buffer.from(bytes), Buffer.from(tail ?? '')]);
};
const textIssue = (path: string, reason: string) => ({
  status: 400,
  code: 'INVALID_JSON',
  details: [{ path, reason }],
});

/** Text the store cannot hold as sent: refused before anything is published. */
export const TEXT_CASES: MatrixCase[] = [
  {
    name: 'lone high surrogate escape (\\ud800)',
    send: (h) => h.post(SAMPLES, null, { raw: withRawMessage('a\\ud800b') }),
    ...textIssue('alerts[0].message', 'lone_surrogate'),
  },
  {
    name: 'lone low surrogate escape (\\udc00)',
    send: (h) => h.post(SAMPLES, null, { raw: withRawMessage('\\udc00') }),
    ...textIssue('alerts[0].message', 'lone_surrogate'),
  },
  {
    name: 'high surrogate escape followed by a letter',
    send: (h) => h.post(SAMPLES, null, { raw: withRawMessage('\\ud83d\\u0041') }),
    ...textIssue('alerts[0].message', 'lone_surrogate'),
  },
  {
    name: 'lone surrogate in the third event of a batch',
    send: (h) =>
      h.post(SAMPLES, null, {
        raw: `{"events":[${JSON.stringify(sample())},${JSON.stringify(sample())},${withRawMessage('\\ud800')}]}`,
      }),
    ...textIssue('events[2].alerts[0].message', 'lone_surrogate'),
  },
  {
    name: 'invalid UTF-8 byte (0xFF) in text',
    send: (h) => h.post(SAMPLES, null, { raw: withRawBytes([0x61, 0xff, 0x62]) }),
    ...textIssue('alerts[0].message', 'invalid_utf8'),
  },
  {
    name: 'overlong UTF-8 encoding (0xC0 0xAF)',
    send: (h) => h.post(SAMPLES, null, { raw: withRawBytes([0xc0, 0xaf]) }),
    ...textIssue('alerts[0].message', 'invalid_utf8'),
  },
  {
    name: 'UTF-8-encoded surrogate (0xED 0xA0 0x80)',
    send: (h) => h.post(SAMPLES, null, { raw: withRawBytes([0xed, 0xa0, 0x80]) }),
    ...textIssue('alerts[0].message', 'invalid_utf8'),
  },
  {
    name: 'truncated UTF-8 sequence (0xE1 0xBB)',
    send: (h) => h.post(SAMPLES, null, { raw: withRawBytes([0xe1, 0xbb]) }),
    ...textIssue('alerts[0].message', 'invalid_utf8'),
  },
  {
    name: 'duplicate key (cpu_pct twice)',
    send: (h) => h.post(SAMPLES, null, { raw: rawSample().replace('{', '{"cpu_pct":1,') }),
    ...textIssue('cpu_pct', 'duplicate_key'),
  },
  {
    name: 'duplicate key inside a batch alert',
    send: (h) =>
      h.post(SAMPLES, null, {
        raw: `{"events":[${JSON.stringify(sample())},${JSON.stringify(withAlert('x')).replace('"kind":', '"severity":"info","kind":')}]}`,
      }),
    ...textIssue('events[1].alerts[0].severity', 'duplicate_key'),
  },
  {
    name: 'duplicate "events" key',
    send: (h) => h.post(SAMPLES, null, { raw: `{"events":[${rawSample()}],"events":[${rawSample()}]}` }),
    ...textIssue('events', 'duplicate_key'),
  },
];

/** Body, content type, size, shape, numbers, strings and times. */
export const BODY_CASES: MatrixCase[] = [
  {
    name: 'malformed JSON',
    send: (h) => h.post(SAMPLES, null, { raw: '{"event_id": ' }),
    status: 400,
    code: 'INVALID_JSON',
    details: [{ path: '(body)', reason: 'invalid_json' }],
  },
  { name: 'empty body', send: (h) => h.post(SAMPLES, null, { raw: '' }), status: 400, code: 'INVALID_JSON' },
  {
    name: 'NaN literal (not JSON)',
    send: (h) => h.post(SAMPLES, null, { raw: replaceCpu(rawSample(), 'NaN') }),
    status: 400,
    code: 'INVALID_JSON',
  },
  {
    name: 'Infinity literal (not JSON)',
    send: (h) => h.post(SAMPLES, null, { raw: replaceCpu(rawSample(), 'Infinity') }),
    status: 400,
    code: 'INVALID_JSON',
  },
  {
    name: '1e999 (parses to Infinity)',
    send: (h) => h.post(SAMPLES, null, { raw: replaceCpu(rawSample(), '1e999') }),
    ...invalid('cpu_pct', 'invalid_type'),
  },
  {
    name: 'binary body (e.g. gzip without Content-Encoding support)',
    send: (h) => h.post(SAMPLES, null, { raw: '\u001f\u008b\u0008\u0000garbage' }),
    status: 400,
    code: 'INVALID_JSON',
  },
  {
    name: 'wrong content type (text/plain)',
    send: (h) => h.post(SAMPLES, sample(), { contentType: 'text/plain' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'wrong content type (form)',
    send: (h) => h.post(SAMPLES, null, { raw: 'cpu_pct=1', contentType: 'application/x-www-form-urlencoded' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'body over 1 MiB',
    send: (h) => h.post(SAMPLES, null, { raw: JSON.stringify({ events: [withAlert('x'.repeat(1_100_000))] }) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'more than 1,000 rows',
    send: (h) =>
      h.post(COUNTERS, { events: Array.from({ length: 1_001 }, () => counter()) }, { token: counterToken(h) }),
    ...invalid('events', 'too_many_events'),
  },
  { name: 'empty batch', send: (h) => h.post(SAMPLES, { events: [] }), ...invalid('events', 'invalid_batch') },
  { name: 'body is an array', send: (h) => h.post(SAMPLES, [sample()]), ...invalid('(root)', 'invalid_body') },
  { name: 'body is a string', send: (h) => h.post(SAMPLES, 'hello'), ...invalid('(root)', 'invalid_body') },
  { name: 'body is null', send: (h) => h.post(SAMPLES, null, { raw: 'null' }), ...invalid('(root)', 'invalid_body') },
  {
    name: '200,000 nested arrays',
    send: (h) => h.post(SAMPLES, null, { raw: '['.repeat(200_000) + ']'.repeat(200_000) }),
    ...invalid('(root)', 'invalid_body'),
  },
  {
    name: 'unknown field in an event',
    send: (h) => h.post(SAMPLES, { events: [{ ...sample(), colour: 'red' }] }),
    ...invalid('events[0].colour', 'unknown_field'),
  },
  {
    name: 'unknown field next to "events"',
    send: (h) => h.post(SAMPLES, { events: [sample()], priority: 'high' }),
    ...invalid('priority', 'unknown_field'),
  },
  {
    name: '__proto__ key (prototype pollution attempt)',
    send: (h) => h.post(SAMPLES, null, { raw: rawSample().replace('{', '{"__proto__":{"isAdmin":true},') }),
    ...invalid('__proto__', 'unknown_field'),
  },
  { name: 'cpu_pct 140', send: (h) => h.post(SAMPLES, sample({ cpu_pct: 140 })), ...invalid('cpu_pct', 'too_big') },
  { name: 'ram_pct -1', send: (h) => h.post(SAMPLES, sample({ ram_pct: -1 })), ...invalid('ram_pct', 'too_small') },
  {
    name: 'net_in_bps above 1 Tbit/s',
    send: (h) => h.post(SAMPLES, sample({ net_in_bps: 2e12 })),
    ...invalid('net_in_bps', 'too_big'),
  },
  {
    name: 'count above 10 million',
    send: (h) => h.post(COUNTERS, counter({ received: 10_000_001 }), { token: counterToken(h) }),
    ...invalid('received', 'too_big'),
  },
  {
    name: 'fractional count',
    send: (h) => h.post(COUNTERS, counter({ received: 1.5 }), { token: counterToken(h) }),
    ...invalid('received', 'invalid_type'),
  },
  {
    name: 'number sent as a string',
    send: (h) => h.post(SAMPLES, { ...sample(), cpu_pct: '42' }),
    ...invalid('cpu_pct', 'invalid_type'),
  },
  {
    name: '"NaN" as a string',
    send: (h) => h.post(SAMPLES, { ...sample(), uptime_pct: 'NaN' }),
    ...invalid('uptime_pct', 'invalid_type'),
  },
  {
    name: 'required field missing',
    send: (h) => h.post(SAMPLES, { ...sample(), vendor: undefined }),
    ...invalid('vendor', 'required'),
  },
  {
    name: 'online count above total',
    send: (h) => h.post(COUNTERS, counter({ received: 5, received_online: 6 }), { token: counterToken(h) }),
    ...invalid('received_online', 'exceeds_received'),
  },
  {
    name: 'BEL control character in text',
    send: (h) => h.post(SAMPLES, withAlert('bad\u0007bell')),
    ...invalid('alerts[0].message', 'control_chars'),
  },
  {
    name: 'NUL control character in text',
    send: (h) => h.post(SAMPLES, withAlert('nul\u0000byte')),
    ...invalid('alerts[0].message', 'control_chars'),
  },
  {
    name: 'C1 control character in text',
    send: (h) => h.post(SAMPLES, withAlert('c1\u009bcsi')),
    ...invalid('alerts[0].message', 'control_chars'),
  },
  {
    name: 'text over its limit (501 characters)',
    send: (h) => h.post(SAMPLES, withAlert('x'.repeat(501))),
    ...invalid('alerts[0].message', 'too_big'),
  },
  {
    name: 'event_id over 64 characters',
    send: (h) => h.post(SAMPLES, sample({ event_id: 'e'.repeat(65) })),
    ...invalid('event_id', 'too_big'),
  },
  {
    name: 'identifier with forbidden characters',
    send: (h) => h.post(SAMPLES, sample({ system_id: 'p01.tthc; DROP TABLE' })),
    ...invalid('system_id', 'invalid_format'),
  },
  {
    name: 'more than 20 alerts',
    send: (h) => h.post(SAMPLES, sample({ alerts: Array.from({ length: 21 }, () => alert('a')) })),
    ...invalid('alerts', 'too_big'),
  },
  {
    name: 'timestamp 1 h in the future',
    send: (h) => h.post(SAMPLES, sample({ observed_at: new Date(NOW + 3_600_000).toISOString() })),
    ...invalid('observed_at', 'in_future'),
  },
  {
    name: 'timestamp in year 9999',
    send: (h) => h.post(SAMPLES, sample({ observed_at: '9999-12-31T23:59:59Z' })),
    ...invalid('observed_at', 'out_of_range'),
  },
  {
    name: 'timestamp 3 days old',
    send: (h) => h.post(SAMPLES, sample({ observed_at: new Date(NOW - 3 * 86_400_000).toISOString() })),
    ...invalid('observed_at', 'too_old'),
  },
  {
    name: 'timestamp at the Unix epoch',
    send: (h) => h.post(SAMPLES, sample({ observed_at: '1970-01-01T00:00:00Z' })),
    ...invalid('observed_at', 'too_old'),
  },
  {
    name: 'timestamp without a time zone',
    send: (h) => h.post(SAMPLES, sample({ observed_at: '2026-11-23T08:59:00' })),
    ...invalid('observed_at', 'invalid_datetime'),
  },
  {
    name: 'impossible date (30 February)',
    send: (h) => h.post(SAMPLES, sample({ observed_at: '2026-02-30T08:00:00Z' })),
    ...invalid('observed_at', 'invalid_datetime'),
  },
  {
    name: 'daily report for a future day',
    send: (h) => h.post('/v1/health-reports', dailyReport({ report_date: '2026-12-01' })),
    ...invalid('report_date', 'out_of_window'),
  },
];
