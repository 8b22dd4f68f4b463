import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCompose, readRepoFile, REPO_ROOT, type ComposeFile } from '../src/compose/compose-model.js';
import { xmlProblem } from '../src/compose/xml-wellformed.js';

let compose: ComposeFile;
beforeAll(async () => {
  compose = parseCompose(await readRepoFile('docker-compose.yml'));
});

/** nats-server before 2.10 (Debian 12 ships 2.9) does not know `sync_interval`; the image runs 2.12. */
function natsCheckableConfig(confPath: string): string {
  const version = /v(\d+)\.(\d+)/.exec(spawnSync('nats-server', ['--version'], { encoding: 'utf8' }).stdout);
  const [major, minor] = [Number(version?.[1] ?? 0), Number(version?.[2] ?? 0)];
  if (major > 2 || (major === 2 && minor >= 10)) return confPath;
  const path = join(mkdtempSync(join(tmpdir(), 'nats-conf-')), 'nats.conf');
  writeFileSync(path, readFileSync(confPath, 'utf8').replace(/^\s*sync_interval: .*$/m, ''));
  return path;
}

describe('ClickHouse server configuration', () => {
  it('is well-formed XML rooted at <clickhouse>', async () => {
    for (const f of ['deploy/clickhouse/config.d/kh02.xml', 'deploy/clickhouse/users.d/kh02-users.xml']) {
      expect(xmlProblem(await readRepoFile(f)), f).toBeUndefined();
    }
    expect(xmlProblem('<clickhouse><users><grafana></users></clickhouse>')).toMatch(/does not close/);
  });

  it('defines a read-only Grafana user that may only SELECT from kh02, with its password from the environment', async () => {
    const xml = await readRepoFile('deploy/clickhouse/users.d/kh02-users.xml');
    const grafana = /<grafana>([\s\S]*?)<\/grafana>/.exec(xml)?.[1] ?? '';
    const profile = /<profile>(\w+)<\/profile>/.exec(grafana)?.[1] ?? '';
    const profileBody = new RegExp(`<${profile}>([\\s\\S]*?)</${profile}>`).exec(xml)?.[1] ?? '';
    expect(profileBody).toContain('<readonly>1</readonly>');
    // The plugin's driver sets max_execution_time on every query: it must stay changeable under readonly = 1.
    expect(profileBody).toMatch(/<max_execution_time>\s*<changeable_in_readonly\/>\s*<\/max_execution_time>/);
    expect([...grafana.matchAll(/<query>([^<]*)<\/query>/g)].map((m) => m[1])).toEqual(['GRANT SELECT ON kh02.*']);
    expect(grafana).toContain('<password from_env="CLICKHOUSE_GRAFANA_PASSWORD"/>');
    const app = /<kh02>([\s\S]*?)<\/kh02>/.exec(xml)?.[1] ?? '';
    expect(app).toContain('<password from_env="CLICKHOUSE_APP_PASSWORD"/>');
    // The passwordless default user only answers inside the container.
    expect(/<default>([\s\S]*?)<\/default>/.exec(xml)?.[1]).toMatch(
      /<networks replace="replace">\s*<ip>::1<\/ip>\s*<ip>127\.0\.0\.1<\/ip>/,
    );
    const env = compose.services.clickhouse?.environment ?? {};
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['CLICKHOUSE_APP_PASSWORD', 'CLICKHOUSE_GRAFANA_PASSWORD']),
    );
  });
});

describe('NATS configuration', () => {
  // nats-server is required by `npm test` (the bus contract suite); .ci/run installs it.
  it('is accepted by the real nats-server, single and cluster node', () => {
    const conf = natsCheckableConfig(`${REPO_ROOT}deploy/nats/nats.conf`);
    const single = spawnSync('nats-server', ['-c', conf, '-t'], { encoding: 'utf8' });
    expect(single.status, single.stderr).toBe(0);
    const node = spawnSync('nats-server', ['-c', `${REPO_ROOT}deploy/nats/nats-cluster.conf`, '-t'], {
      encoding: 'utf8',
      env: { ...process.env, NATS_SERVER_NAME: 'nats-2' },
    });
    expect(node.status, node.stderr).toBe(0);
    // Without the per-node name the file must not load: every node sets it.
    const unnamed = spawnSync('nats-server', ['-c', `${REPO_ROOT}deploy/nats/nats-cluster.conf`, '-t'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(unnamed.status).not.toBe(0);
  });

  it('enables JetStream with room for the bus’s largest message, and routes the cluster through all three nodes', async () => {
    // Without a replica, only an fsync on every write keeps an acknowledged batch through a power cut.
    expect(await readRepoFile('deploy/nats/nats.conf')).toMatch(/^\s*sync_interval: always$/m);
    for (const f of ['deploy/nats/nats.conf', 'deploy/nats/nats-cluster.conf']) {
      const conf = await readRepoFile(f);
      expect(conf, f).toMatch(/jetstream \{[^}]*store_dir: \/data/);
      expect(conf, f).toMatch(/max_payload: [4-8]MB/);
      expect(conf, f).toContain('http_port: 8222');
    }
    const cluster = await readRepoFile('deploy/nats/nats-cluster.conf');
    for (const n of ['nats-1', 'nats-2', 'nats-3']) expect(cluster).toContain(`nats-route://${n}:6222`);
  });
});

describe('Dockerfile', () => {
  it('copies the manifest of every npm workspace before installing, and has the stages compose builds', async () => {
    const dockerfile = await readRepoFile('deploy/Dockerfile');
    const root = JSON.parse(await readRepoFile('package.json')) as { workspaces: string[] };
    for (const w of root.workspaces) expect(dockerfile, w).toContain(`COPY ${w}/package.json ${w}/`);
    const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    for (const [name, s] of Object.entries(compose.services)) {
      if (!s.build) continue;
      expect(s.build.dockerfile).toBe('deploy/Dockerfile');
      expect(stages, name).toContain(s.build.target);
    }
    // The api renders report PDFs with Debian's Chromium and needs the Vietnamese-capable Noto fonts.
    expect(dockerfile).toMatch(/apt-get install[^\n]*chromium fonts-noto-core/);
  });
});
