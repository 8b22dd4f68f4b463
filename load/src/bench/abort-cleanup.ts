/**
 * What must be stopped if the benchmark is interrupted (Ctrl-C): the system
 * processes and nats-server it started would otherwise outlive it.
 */
const cleanups = new Set<() => Promise<void>>();
let installed = false;

/** Registers `stop` to run on SIGINT/SIGTERM; returns the unregister function. */
export function stopOnAbort(stop: () => Promise<void>): () => void {
  if (!installed) {
    installed = true;
    const handler = (signal: NodeJS.Signals) => {
      process.stderr.write(`\n${signal}: stopping the processes the benchmark started…\n`);
      void Promise.allSettled([...cleanups].map((c) => c())).then(() => process.exit(130));
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  }
  cleanups.add(stop);
  return () => cleanups.delete(stop);
}
