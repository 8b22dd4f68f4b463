import { readFileSync } from 'node:fs';

/** Linux USER_HZ: /proc/<pid>/stat times are in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SEC = 100;

export interface Memory {
  rssMb: number;
  /** Peak RSS since the process started (VmHWM). */
  peakRssMb: number;
}

export function memoryOf(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds the process (all its threads) has used so far. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC;
  } catch {
    return Number.NaN;
  }
}

/** CPU use of several processes over a window, as % of one core. */
export class CpuWindow {
  private readonly start = new Map<number, number>();
  private readonly startedAt = performance.now();

  constructor(private readonly pids: readonly number[]) {
    for (const pid of pids) this.start.set(pid, cpuSecondsOf(pid));
  }

  /** pid → % of one core since construction (200 % = both cores of this machine). */
  percent(): Map<number, number> {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const out = new Map<number, number>();
    for (const pid of this.pids) out.set(pid, ((cpuSecondsOf(pid) - (this.start.get(pid) ?? 0)) / seconds) * 100);
    return out;
  }
}
