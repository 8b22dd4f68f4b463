import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  ApiKeyFileSchema,
  ApiKeyRecordSchema,
  generateToken,
  SeriesMapRuleSchema,
  type ApiKeyRecord,
} from '@kh02/ingest';

/**
 * Manage ingest API keys: `npm run keys -- <create|rotate|revoke|list|map|unmap> [options]`.
 * `map` adds a series-map rule (Prometheus / OTLP series whose labels match → a system) to a vendor key.
 * The file holds only SHA-256 hashes; a new token is printed once and never stored.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    file: { type: 'string', default: './data/api-keys.json' },
    id: { type: 'string' },
    label: { type: 'string' },
    vendor: { type: 'string' },
    units: { type: 'string' },
    expires: { type: 'string' },
    rate: { type: 'string' },
    burst: { type: 'string' },
    'require-signature': { type: 'boolean', default: false },
    match: { type: 'string' },
    system: { type: 'string' },
  },
});

async function load(file: string): Promise<ApiKeyRecord[]> {
  try {
    return ApiKeyFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function save(file: string, keys: ApiKeyRecord[]): Promise<void> {
  await writeFile(file, JSON.stringify({ keys }, null, 2));
}

function need(name: string, value: string | undefined): string {
  if (!value) throw new Error(`--${name} is required / thiếu --${name}`);
  return value;
}

const command = positionals[0];
const file = values.file;
const keys = await load(file);
switch (command) {
  case 'create': {
    const id = need('id', values.id);
    if (keys.some((k) => k.id === id)) throw new Error(`key ${id} exists / khóa đã tồn tại`);
    const { token, secretSha256 } = generateToken(id);
    const record = ApiKeyRecordSchema.parse({
      id,
      label: values.label ?? id,
      kind: values.vendor ? 'vendor' : 'counter',
      ...(values.vendor ? { vendor: values.vendor } : {}),
      ...(values.units ? { units: values.units.split(',').map((u) => u.trim()) } : {}),
      ...(values.expires ? { expires_at: new Date(values.expires).toISOString() } : {}),
      ...(values.rate ? { rate_per_sec: Number(values.rate) } : {}),
      ...(values.burst ? { burst: Number(values.burst) } : {}),
      require_signature: values['require-signature'],
      secret_sha256: [secretSha256],
    });
    await save(file, [...keys, record]);
    console.log(`Khóa mới (chỉ hiển thị một lần) / New key (shown once):\n${token}`);
    break;
  }
  case 'rotate': {
    const id = need('id', values.id);
    const key = keys.find((k) => k.id === id);
    if (!key) throw new Error(`no key ${id} / không có khóa`);
    const { token, secretSha256 } = generateToken(id);
    // Keep the newest old secret valid too, so senders can switch without downtime.
    key.secret_sha256 = [secretSha256, ...key.secret_sha256].slice(0, 2);
    await save(file, keys);
    console.log(
      `Khóa mới; khóa cũ vẫn dùng được đến lần xoay sau / New key; the previous one stays valid until the next rotation:\n${token}`,
    );
    break;
  }
  case 'revoke': {
    const id = need('id', values.id);
    const key = keys.find((k) => k.id === id);
    if (!key) throw new Error(`no key ${id} / không có khóa`);
    key.disabled = true;
    await save(file, keys);
    console.log(`Đã thu hồi / Revoked: ${id}`);
    break;
  }
  case 'map': {
    const id = need('id', values.id);
    const key = keys.find((k) => k.id === id);
    if (!key) throw new Error(`no key ${id} / không có khóa`);
    const match = Object.fromEntries(
      need('match', values.match)
        .split(',')
        .map((pair) => {
          const at = pair.indexOf('=');
          return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
        }),
    );
    const rule = SeriesMapRuleSchema.parse({ match, system_id: need('system', values.system) });
    key.series_map = [...(key.series_map ?? []), rule];
    await save(file, keys);
    console.log(`Đã thêm ánh xạ / Mapped: ${JSON.stringify(rule.match)} → ${rule.system_id} (${id})`);
    break;
  }
  case 'unmap': {
    const id = need('id', values.id);
    const key = keys.find((k) => k.id === id);
    if (!key) throw new Error(`no key ${id} / không có khóa`);
    const system = need('system', values.system);
    key.series_map = (key.series_map ?? []).filter((r) => r.system_id !== system);
    await save(file, keys);
    console.log(`Đã bỏ ánh xạ tới / Unmapped: ${system} (${id})`);
    break;
  }
  case 'list':
    for (const k of keys) {
      console.log(
        `${k.id}\t${k.kind}\t${k.vendor ?? (k.units ?? []).join(',')}\t${k.disabled ? 'disabled' : 'active'}\t${k.expires_at ?? ''}`,
      );
    }
    break;
  default:
    console.log(
      'Usage: npm run keys -- <create|rotate|revoke|list|map|unmap> [--file data/api-keys.json] [--id ID] [--vendor VNPT | --units 01,79001] [--expires 2027-01-01] [--rate 50] [--burst 200] [--match job=node,instance=10.0.0.5:9100 --system p01.tthc]',
    );
    process.exitCode = command ? 1 : 0;
}
