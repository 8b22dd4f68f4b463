import type { TelemetryBusState } from './bus-probe.js';
import type { Stack } from './stack.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Quiet = the writer's durable consumer has nothing pending and nothing
 * awaiting an ack, twice in a row a second apart. The writer acks only after
 * ClickHouse accepted a batch, so at that point every bus message is stored.
 */
export async function waitForQuiescence(stack: Stack, timeoutMs: number): Promise<TelemetryBusState> {
  const deadline = Date.now() + timeoutMs;
  let quietSince: number | undefined;
  let last: TelemetryBusState | undefined;
  while (Date.now() < deadline) {
    last = await stack.bus.telemetry().catch(() => undefined);
    const quiet = last !== undefined && last.writer.pending === 0 && last.writer.ackPending === 0;
    if (!quiet) quietSince = undefined;
    else if (quietSince === undefined) quietSince = Date.now();
    else if (Date.now() - quietSince >= 1_000 && last) return last;
    await sleep(250);
  }
  throw new Error(`not quiet within ${timeoutMs} ms; last bus state: ${JSON.stringify(last)}`);
}

/** Polls the bus until `predicate` holds (the server may be restarting: errors count as "not yet"). */
export async function waitForBus(
  stack: Stack,
  predicate: (s: TelemetryBusState) => boolean,
  timeoutMs: number,
): Promise<TelemetryBusState> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const s = await stack.bus.telemetry().catch(() => undefined);
    if (s && predicate(s)) return s;
    await sleep(50);
  }
  throw new Error(`bus condition not met within ${timeoutMs} ms`);
}

/** Polls a URL until it answers 200; resolves with the time it first did. */
export async function waitForHttp200(url: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) })
      .then(async (r) => {
        await r.body?.cancel();
        return r.ok;
      })
      .catch(() => false);
    if (ok) return Date.now();
    await sleep(50);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}
