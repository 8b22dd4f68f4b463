import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import {
  busTopology,
  NatsBus,
  WRITER_TELEMETRY_CONSUMER,
  WRITER_WORKFLOW_CONSUMER,
  type Subscription,
} from '@kh02/platform';
import { makeTempDir } from '@kh02/platform/local';
import { eventually } from '@kh02/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWriter, judgeWriter, WRITER_CONSUMERS } from '../src/health/writer-health.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

describe('writer health judgement', () => {
  const seen = (telemetry: number | undefined, workflow: number | undefined) => [
    { stream: 'KH02_TELEMETRY', name: 'writer-telemetry', waiting: telemetry },
    { stream: 'KH02_WORKFLOW', name: 'writer-workflow', waiting: workflow },
  ];

  it('is healthy only while every writer consumer has a pull request waiting', () => {
    expect(judgeWriter(seen(1, 2)).healthy).toBe(true);
    expect(judgeWriter(seen(1, 0)).healthy).toBe(false);
    expect(judgeWriter([]).healthy).toBe(false);
    expect(judgeWriter(seen(undefined, 1)).details).toEqual([
      'KH02_TELEMETRY/writer-telemetry: consumer missing',
      'KH02_WORKFLOW/writer-workflow: 1 pull request(s) waiting',
    ]);
  });

  it('watches both of the writer’s durable consumers', () => {
    expect(WRITER_CONSUMERS.map((c) => c.name).sort()).toEqual(['writer-telemetry', 'writer-workflow']);
  });
});

describe('writer health against a real nats-server', () => {
  let child: ChildProcess;
  let dir: { path: string; remove: () => Promise<void> };
  let url: string;
  let monitor: number;
  beforeAll(async () => {
    dir = await makeTempDir('writer-health');
    const port = await freePort();
    monitor = await freePort();
    child = spawn(
      'nats-server',
      ['-js', '-a', '127.0.0.1', '-p', String(port), '-m', String(monitor), '-sd', dir.path],
      {
        stdio: 'ignore',
      },
    );
    url = `nats://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`http://127.0.0.1:${monitor}/healthz`)).ok);
  });
  afterAll(async () => {
    child.kill('SIGTERM');
    await dir.remove();
  });

  it('reports healthy while the writer pulls, and unhealthy once it stops', async () => {
    const topology = busTopology();
    const bus = new NatsBus({
      servers: url,
      ...topology,
      replicas: 1,
      publishTimeoutMs: 2_000,
      logger: pino({ level: 'silent' }),
      name: 'writer',
    });
    await bus.start();
    expect((await checkWriter(url)).healthy).toBe(false);
    const subs: Subscription[] = [];
    for (const name of [WRITER_TELEMETRY_CONSUMER, WRITER_WORKFLOW_CONSUMER]) {
      const spec = topology.durableConsumers.find((c) => c.name === name);
      if (spec) subs.push(await bus.consume(spec, (m) => m.ack()));
    }
    await eventually(async () => (await checkWriter(url)).healthy);
    for (const s of subs) await s.stop();
    await bus.close();
    await eventually(async () => !(await checkWriter(url)).healthy);
  });

  it('is unhealthy when NATS cannot be reached', async () => {
    const health = await checkWriter(`nats://127.0.0.1:${await freePort()}`);
    expect(health.healthy).toBe(false);
    expect(health.details[0]).toMatch(/^NATS unreachable/);
  });
});
