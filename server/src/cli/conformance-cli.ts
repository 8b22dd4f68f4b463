import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { TELEMETRY_KINDS, type TelemetryKind } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { formatCheckReport, guessKind, judgeRetries, RetryProxy, runChecks } from '@kh02/ingest';

/**
 * Vendor conformance kit (docs/conformance.md):
 *   npm run conformance -- check    --url <sandbox> --token <kh02_…> --payload <file.json> [--kind …] [--sign] [--no-refresh] [--json]
 *   npm run conformance -- validate --payload <file.json> [--kind …] [--token <kh02_…>]
 *   npm run conformance -- retries  --target <sandbox> [--listen 127.0.0.1:8099] [--keys 4] [--retry-after 2] [--timeout 600]
 * Exit code 0 = passed, 1 = failed, 2 = wrong usage.
 */
const USAGE = `Cách dùng / Usage:
  npm run conformance -- check    --url <sandbox URL> --token <kh02_id_secret> --payload <file.json> [--kind <kind>] [--sign] [--no-refresh] [--json]
  npm run conformance -- validate --payload <file.json> [--kind <kind>]
  npm run conformance -- retries  --target <sandbox URL> [--listen 127.0.0.1:8099] [--keys 4] [--retry-after 2] [--timeout 600]
Kinds: ${TELEMETRY_KINDS.join(', ')}`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    token: { type: 'string', default: '' },
    payload: { type: 'string' },
    kind: { type: 'string' },
    sign: { type: 'boolean', default: false },
    'no-refresh': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    target: { type: 'string' },
    listen: { type: 'string', default: '127.0.0.1:8099' },
    keys: { type: 'string', default: '4' },
    'retry-after': { type: 'string', default: '2' },
    timeout: { type: 'string', default: '600' },
  },
});

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function loadPayload(): Promise<{ payload: unknown; kind: TelemetryKind }> {
  if (!values.payload) usage('--payload is required / thiếu --payload');
  const payload = JSON.parse(await readFile(values.payload, 'utf8')) as unknown;
  const kind = values.kind ?? guessKind(payload);
  if (!kind || !(TELEMETRY_KINDS as readonly string[]).includes(kind)) usage('cannot tell the kind; pass --kind');
  return { payload, kind: kind as TelemetryKind };
}

async function check(offline: boolean): Promise<boolean> {
  const { payload, kind } = await loadPayload();
  if (!offline && !values.url) usage('--url is required / thiếu --url');
  const run = await runChecks({
    url: values.url ?? 'http://offline.invalid',
    token: values.token,
    kind,
    payload,
    registry: defaultRegistry(),
    refreshTimes: !values['no-refresh'],
    sign: values.sign,
    offline,
  });
  console.log(values.json ? JSON.stringify(run, null, 2) : formatCheckReport(run));
  return run.passed;
}

async function retries(): Promise<boolean> {
  if (!values.target) usage('--target is required / thiếu --target');
  const [host = '127.0.0.1', port = '8099'] = values.listen.split(':');
  const retryAfterSec = Number(values['retry-after']);
  const proxy = new RetryProxy({ target: values.target, retryAfterSec, keysToTest: Number(values.keys) });
  const url = await proxy.listen(host, Number(port));
  console.log(
    `Trỏ hệ thống của bạn tới / Point your integration at: ${url}\n` +
      `Gửi ít nhất ${values.keys} yêu cầu / send at least ${values.keys} requests (Ctrl-C to stop early)…`,
  );
  const deadline = Date.now() + Number(values.timeout) * 1000;
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
  });
  while (!proxy.finished() && !interrupted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  await proxy.close();
  const outcome = judgeRetries(proxy.verdicts(), proxy, retryAfterSec);
  console.log(outcome.lines.join('\n'));
  return outcome.passed;
}

const command = positionals[0];
let passed: boolean;
if (command === 'check') passed = await check(false);
else if (command === 'validate') passed = await check(true);
else if (command === 'retries') passed = await retries();
else usage(command ? `unknown command ${command}` : 'missing command');
process.exit(passed ? 0 : 1);
