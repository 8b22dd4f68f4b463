import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, makeTempDir } from '@kh02/platform/local';

/**
 * Real Prometheus and a real node-exporter (Debian packages `prometheus`,
 * `prometheus-node-exporter`; `.ci/run` installs them) on free loopback
 * ports, for the remote-write tests. Each process logs to a file in its temp
 * directory, shown when it fails to come up.
 */
export interface RunningProcess {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, log: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: exited with ${child.exitCode}; see ${log}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms; see ${log}`);
}

async function run(binary: string, args: (port: number, dir: string) => string[], readyPath: string) {
  const dir = await makeTempDir(binary.replace(/\W/g, '-'));
  const port = await freePort();
  const log = join(dir.path, 'process.log');
  const fd = openSync(log, 'a');
  const child = spawn(binary, args(port, dir.path), { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await dir.remove();
  };
  try {
    await waitReady(`${url}${readyPath}`, child, log, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return { url, dir: dir.path, stop };
}

/** node-exporter with the CPU, memory and network collectors only (what a health sample needs). */
export function startNodeExporter(binary = process.env.NODE_EXPORTER_BIN ?? 'prometheus-node-exporter') {
  return run(
    binary,
    (port) => [
      `--web.listen-address=127.0.0.1:${port}`,
      '--collector.disable-defaults',
      '--collector.cpu',
      '--collector.meminfo',
      '--collector.netdev',
    ],
    '/metrics',
  );
}

/** Prometheus with the given configuration file contents (and rule files, written beside it by name). */
export async function startPrometheus(
  config: string,
  rules: Record<string, string> = {},
  binary = process.env.PROMETHEUS_BIN ?? 'prometheus',
): Promise<RunningProcess> {
  const confDir = await makeTempDir('prometheus-conf');
  await writeFile(join(confDir.path, 'prometheus.yml'), config);
  for (const [name, text] of Object.entries(rules)) await writeFile(join(confDir.path, name), text);
  const handle = await run(
    binary,
    (port, dir) => [
      `--config.file=${join(confDir.path, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    '/-/ready',
  ).catch(async (err: unknown) => {
    await confDir.remove();
    throw err;
  });
  return {
    ...handle,
    stop: async () => {
      await handle.stop();
      await confDir.remove();
    },
  };
}

/** One instant value of a PromQL expression at `timeSec`, from Prometheus's HTTP API (undefined when empty). */
export async function promQuery(prometheusUrl: string, expr: string, timeSec: number): Promise<number | undefined> {
  const url = `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}&time=${timeSec}`;
  const body = (await (await fetch(url)).json()) as { data?: { result?: { value?: [number, string] }[] } };
  const value = body.data?.result?.[0]?.value?.[1];
  return value === undefined ? undefined : Number(value);
}
