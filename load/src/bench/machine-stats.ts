import { readFileSync } from 'node:fs';
import { cpuSecondsOf } from './proc-stats.js';

const TICKS_PER_SEC = 100;

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_SEC;
}

/** TcpExt ListenOverflows: connections dropped because a listen backlog was full (SYN then retried after 1 s, 3 s…). */
export function listenOverflows(): number {
  const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
  const header = lines.find((l) => l.startsWith('TcpExt:'))?.split(/\s+/) ?? [];
  const values = lines.filter((l) => l.startsWith('TcpExt:'))[1]?.split(/\s+/) ?? [];
  return Number(values[header.indexOf('ListenOverflows')] ?? 0);
}

export interface MachineUsage {
  /** Whole-machine CPU use, % of one core (200 % = both cores busy). */
  busyPercent: number;
  /** CPU used by processes that are not part of the benchmark: another workload skews every figure. */
  foreignPercent: number;
  listenOverflows: number;
}

/** Whole-machine CPU and TCP accept-queue overflows over a window, minus the benchmark's own processes. */
export class MachineWindow {
  private readonly t0 = performance.now();
  private readonly busy0 = machineBusySeconds();
  private readonly overflows0 = listenOverflows();
  private readonly own0: number;

  constructor(private readonly ownPids: () => number[]) {
    this.own0 = this.ownSeconds();
  }

  /** `extraOwnSeconds`: CPU of benchmark processes that already exited (the load generator reports its own). */
  usage(extraOwnSeconds = 0): MachineUsage {
    const seconds = (performance.now() - this.t0) / 1000;
    const busy = machineBusySeconds() - this.busy0;
    const own = this.ownSeconds() - this.own0 + extraOwnSeconds;
    return {
      busyPercent: (busy / seconds) * 100,
      foreignPercent: Math.max(0, ((busy - own) / seconds) * 100),
      listenOverflows: listenOverflows() - this.overflows0,
    };
  }

  private ownSeconds(): number {
    const self = process.cpuUsage();
    const children = this.ownPids().reduce((sum, pid) => sum + (cpuSecondsOf(pid) || 0), 0);
    return (self.user + self.system) / 1e6 + children;
  }
}

/**
 * Waits (up to `maxWaitSec`) until other processes use less than
 * `thresholdPercent` of one core over a 2-second window; returns that share.
 * Between phases nothing of the benchmark runs, so all of it is foreign.
 */
export async function waitForQuietMachine(maxWaitSec: number, thresholdPercent: number): Promise<number> {
  const deadline = performance.now() + maxWaitSec * 1000;
  for (;;) {
    const window = new MachineWindow(() => []);
    await new Promise((r) => setTimeout(r, 2_000));
    const busy = window.usage().busyPercent;
    if (busy < thresholdPercent || performance.now() > deadline) return busy;
  }
}
