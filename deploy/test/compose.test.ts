import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bindMountProblems,
  dependsOnProblems,
  healthcheckProblems,
  imageProblems,
  unknownEnvKeys,
  volumeProblems,
} from '../src/compose/compose-checks.js';
import { parseCompose, readRepoFile, REPO_ROOT, type ComposeFile } from '../src/compose/compose-model.js';
import { interpolate, parseDotEnv, variablesIn } from '../src/compose/interpolate.js';
import { entrypointOf, envParseProblems, schemaKeys, schemasFor, sourceOf } from '../src/compose/service-env.js';

let text: string;
let compose: ComposeFile;
let envExample: Map<string, string>;
const exists = (p: string) => existsSync(`${REPO_ROOT}${p}`);
const NODE_SERVICES = ['ingest', 'writer', 'api'];

beforeAll(async () => {
  text = await readRepoFile('docker-compose.yml');
  compose = parseCompose(text);
  envExample = parseDotEnv(await readRepoFile('.env.example'));
});

/** A deep copy to break on purpose, proving each check can fail. */
const clone = (): ComposeFile => structuredClone(compose);

describe('docker-compose.yml structure', () => {
  it('has the whole stack: ClickHouse, NATS (single, or a 3-node cluster profile), ingest, writer, api, Grafana', () => {
    expect(compose.name).toBe('kh02');
    expect(Object.keys(compose.services).sort()).toEqual(
      ['api', 'clickhouse', 'grafana', 'ingest', 'nats', 'nats-1', 'nats-2', 'nats-3', 'writer'].sort(),
    );
    expect(compose.services.nats?.profiles).toEqual(['single']);
    for (const n of ['nats-1', 'nats-2', 'nats-3']) {
      expect(compose.services[n]?.profiles).toEqual(['cluster']);
      expect(compose.services[n]?.environment?.NATS_SERVER_NAME).toBe(n);
    }
    for (const s of ['clickhouse', ...NODE_SERVICES, 'grafana']) expect(compose.services[s]?.profiles).toBeUndefined();
  });

  it('gives every service a healthcheck', () => {
    expect(healthcheckProblems(compose)).toEqual([]);
    const broken = clone();
    delete broken.services.grafana!.healthcheck;
    expect(healthcheckProblems(broken)).toEqual(['grafana has no healthcheck']);
  });

  it('declares every named volume it mounts, and mounts every one it declares', () => {
    expect(volumeProblems(compose)).toEqual([]);
    const broken = clone();
    broken.services.api!.volumes = ['api-state:/data'];
    expect(volumeProblems(broken)).toEqual([
      'api mounts volume api-state, which is not declared under volumes:',
      'volume api-data is declared but never mounted',
    ]);
  });

  it('bind-mounts only existing repository files, read-only', () => {
    expect(bindMountProblems(compose, exists)).toEqual([]);
    const broken = clone();
    broken.services.grafana!.volumes = ['./grafana/missing:/etc/grafana/provisioning'];
    expect(bindMountProblems(broken, exists)).toEqual([
      'grafana mounts ./grafana/missing, which does not exist',
      'grafana mounts ./grafana/missing writable; configuration is mounted :ro',
    ]);
  });

  it('starts services only after their dependencies are healthy; optional across NATS profiles', () => {
    expect(dependsOnProblems(compose)).toEqual([]);
    for (const s of NODE_SERVICES) {
      const deps = compose.services[s]?.depends_on as Record<string, { required?: boolean }>;
      for (const n of ['nats', 'nats-1', 'nats-2', 'nats-3']) expect(deps[n]?.required).toBe(false);
    }
    expect(Object.keys(compose.services.api?.depends_on ?? {})).toContain('writer');
    const broken = clone();
    broken.services.api!.depends_on = {
      clickhouse: { condition: 'service_started' },
      'nats-1': { condition: 'service_healthy' },
    };
    expect(dependsOnProblems(broken)).toEqual([
      'api depends on clickhouse without waiting for it to be healthy',
      'api depends on nats-1 (profile cluster) without required: false',
    ]);
  });

  it('pins every image to a version (ClickHouse to a current LTS branch)', () => {
    expect(imageProblems(compose)).toEqual([]);
    expect(compose.services.clickhouse?.image).toMatch(/^clickhouse\/clickhouse-server:2[5-9]\.\d+/);
    expect(compose.services.grafana?.environment?.GF_PLUGINS_PREINSTALL_SYNC).toMatch(
      /^grafana-clickhouse-datasource@\d+\.\d+\.\d+$/,
    );
    const broken = clone();
    broken.services.grafana!.image = 'grafana/grafana:latest';
    broken.services.nats!.image = 'nats';
    expect(imageProblems(broken)).toEqual([
      'nats image nats is not pinned to a version',
      'grafana image grafana/grafana:latest is not pinned to a version',
    ]);
  });
});

describe('service environments against the services’ zod env schemas', () => {
  const serviceEnv = (name: string): Record<string, string> => {
    const env = compose.services[name]?.environment ?? {};
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(String(v ?? ''), envExample).value]));
  };

  it('runs each node service from a known entry point (compiled from a source file that exists)', () => {
    for (const s of NODE_SERVICES) {
      const entry = entrypointOf(compose.services[s]!);
      expect(entry?.startsWith('server/dist/src/'), `${s}: ${entry}`).toBe(true);
      expect(entry !== undefined && exists(sourceOf(entry)), `${s}: ${entry}`).toBe(true);
      expect(schemasFor(compose.services[s]!), s).toBeDefined();
    }
    const health = compose.services.writer?.healthcheck?.test;
    expect(Array.isArray(health) && health.some((p) => p.endsWith('.js') && exists(sourceOf(p)))).toBe(true);
  });

  it('sets only variables the service’s env schemas define', () => {
    for (const s of NODE_SERVICES) {
      const allowed = new Set(schemasFor(compose.services[s]!)!.flatMap(schemaKeys));
      expect(unknownEnvKeys(compose.services[s]!, allowed), s).toEqual([]);
    }
    const typo = { ...compose.services.api!, environment: { ...compose.services.api!.environment, API_PRT: '3000' } };
    expect(unknownEnvKeys(typo, new Set(schemasFor(typo)!.flatMap(schemaKeys)))).toEqual(['API_PRT']);
  });

  it('parses with .env.example values exactly as the services will at start-up', () => {
    for (const s of NODE_SERVICES)
      expect(envParseProblems(serviceEnv(s), schemasFor(compose.services[s]!)!), s).toEqual([]);
    const weak = { ...serviceEnv('api'), SESSION_SECRET: 'short' };
    expect(envParseProblems(weak, schemasFor(compose.services.api!)!)).toEqual([
      'SESSION_SECRET: Too small: expected string to have >=32 characters',
    ]);
  });

  it('documents every variable it uses in .env.example, and .env.example has nothing stale', () => {
    const used = new Set(variablesIn(text).map((v) => v.name));
    for (const name of used) expect(envExample.has(name), `${name} missing from .env.example`).toBe(true);
    // COMPOSE_PROFILES is read by docker compose itself.
    for (const name of envExample.keys()) {
      expect(used.has(name) || name === 'COMPOSE_PROFILES', `${name} in .env.example is not used`).toBe(true);
    }
    for (const v of variablesIn(text).filter((x) => x.required)) {
      expect(envExample.get(v.name), `${v.name} is required`).not.toBe('');
    }
    expect(envExample.get('COMPOSE_PROFILES')).toBe('single');
  });

  it('interpolates like docker compose, including required variables and escapes', () => {
    const vars = new Map([
      ['A', 'x'],
      ['E', ''],
    ]);
    expect(interpolate('${A}-${B:-d}-${E:-d}-${E-d}-$A-$$A', vars).value).toBe('x-d-d--x-$A');
    expect(interpolate('${B:?set B}', vars).missing).toEqual(['B']);
  });

  it('gives Grafana the read-only ClickHouse user and the same password the server checks', () => {
    const grafana = serviceEnv('grafana');
    const clickhouse = serviceEnv('clickhouse');
    expect(grafana.CLICKHOUSE_GRAFANA_USER).toBe('grafana');
    expect(grafana.CLICKHOUSE_GRAFANA_PASSWORD).toBe(clickhouse.CLICKHOUSE_GRAFANA_PASSWORD);
    expect(grafana.CLICKHOUSE_GRAFANA_PASSWORD).not.toBe('');
    for (const s of NODE_SERVICES) {
      expect(serviceEnv(s).CLICKHOUSE_USER).toBe('kh02');
      expect(serviceEnv(s).CLICKHOUSE_PASSWORD).toBe(clickhouse.CLICKHOUSE_APP_PASSWORD);
    }
    expect(compose.services.grafana?.volumes).toContain('./grafana/dashboards:/etc/grafana/dashboards/kh02:ro');
  });
});
