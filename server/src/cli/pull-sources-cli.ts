import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadApiEnv } from '../env/api-env.js';
import {
  encryptCredential,
  parseCredentialsKey,
  PullSourceSchema,
  PullSourcesFileSchema,
  type PullSource,
} from '@kh02/api';

/**
 * Manage the vendor endpoints the api fetches daily System Health Reports
 * from: `npm run pull-sources -- <add|remove|list> [options]`. Secrets are
 * read from files (never the command line, which other users can see) and
 * stored sealed with AES-256-GCM; the key stays in its own 0600 file (or PULL_CREDENTIALS_KEY).
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    file: { type: 'string', default: './data/pull-sources.json' },
    'key-file': { type: 'string', default: './data/pull-credentials.key' },
    system: { type: 'string' },
    url: { type: 'string' },
    at: { type: 'string' },
    'bearer-token-file': { type: 'string' },
    'basic-user': { type: 'string' },
    'basic-password-file': { type: 'string' },
  },
});

async function loadSources(file: string): Promise<PullSource[]> {
  try {
    return PullSourcesFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).sources;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** The sealing key: PULL_CREDENTIALS_KEY, else the key file, created (0600) on first use. */
async function sealingKey(keyFile: string): Promise<Buffer> {
  const fromEnv = loadApiEnv().PULL_CREDENTIALS_KEY;
  if (fromEnv) return parseCredentialsKey(fromEnv);
  try {
    return parseCredentialsKey(await readFile(keyFile, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(32);
  await writeFile(keyFile, key.toString('hex'), { mode: 0o600 });
  await chmod(keyFile, 0o600);
  return key;
}

const need = (name: string, value: string | undefined): string => {
  if (!value) throw new Error(`--${name} is required / thiếu --${name}`);
  return value;
};
const secretFrom = async (file: string) => (await readFile(file, 'utf8')).trim();

const command = positionals[0];
const sources = await loadSources(values.file);
switch (command) {
  case 'add': {
    const system = need('system', values.system);
    let auth: PullSource['auth'];
    if (values['bearer-token-file']) {
      const key = await sealingKey(values['key-file']);
      auth = { kind: 'bearer', sealed_token: encryptCredential(await secretFrom(values['bearer-token-file']), key) };
    } else if (values['basic-user']) {
      const key = await sealingKey(values['key-file']);
      const password = await secretFrom(need('basic-password-file', values['basic-password-file']));
      auth = { kind: 'basic', username: values['basic-user'], sealed_password: encryptCredential(password, key) };
    }
    const source = PullSourceSchema.parse({
      system_id: system,
      url: need('url', values.url),
      ...(values.at ? { at_local: values.at } : {}),
      ...(auth ? { auth } : {}),
    });
    const rest = sources.filter((s) => s.system_id !== system);
    await writeFile(values.file, JSON.stringify({ sources: [...rest, source] }, null, 2));
    console.log(
      `Đã cấu hình lấy báo cáo / Pull configured: ${system} ← ${new URL(source.url).origin} at ${source.at_local}`,
    );
    break;
  }
  case 'remove': {
    const system = need('system', values.system);
    await writeFile(values.file, JSON.stringify({ sources: sources.filter((s) => s.system_id !== system) }, null, 2));
    console.log(`Đã bỏ / Removed: ${system}`);
    break;
  }
  case 'list':
    for (const s of sources) console.log(`${s.system_id}\t${s.url}\t${s.at_local}\t${s.auth?.kind ?? 'none'}`);
    break;
  default:
    console.log(
      'Usage: npm run pull-sources -- <add|remove|list> [--file data/pull-sources.json] [--system p01.tthc --url https://vendor/shr] [--at 06:30] [--bearer-token-file F | --basic-user U --basic-password-file F]',
    );
    process.exitCode = command ? 1 : 0;
}
