export interface CounterValues {
  received: number;
  received_online: number;
  processed: number;
  on_time: number;
  late: number;
}

export interface CounterPoint extends CounterValues {
  intervalEndMs: number;
  receivedAtMs: number;
}

/** Newer = later interval end, then later arrival: the same order ClickHouse's argMax uses. */
export function isNewer(a: CounterPoint, b: CounterPoint | undefined): boolean {
  if (!b) return true;
  return a.intervalEndMs !== b.intervalEndMs ? a.intervalEndMs > b.intervalEndMs : a.receivedAtMs > b.receivedAtMs;
}

/** One local day of one commune: the latest cumulative counts, overall and per local hour. */
export class DayCounters {
  latest: CounterPoint | undefined;
  readonly hours: (CounterPoint | undefined)[] = Array.from({ length: 24 }, () => undefined);

  apply(point: CounterPoint, localHour: number): void {
    if (isNewer(point, this.latest)) this.latest = point;
    if (isNewer(point, this.hours[localHour])) this.hours[localHour] = point;
  }

  /** Cumulative counts as of the end of `localHour` (carrying the last report forward). */
  asOfHour(localHour: number): CounterPoint | undefined {
    for (let h = localHour; h >= 0; h--) {
      const p = this.hours[h];
      if (p) return p;
    }
    return undefined;
  }
}

/**
 * Counts for one commune-level unit, keyed by local date. Only the days the
 * wall needs (today and yesterday) are kept; older ones are in ClickHouse.
 * Applying reports in any order gives the same state, which is what lets a
 * restart rebuild exactly what the live feed built.
 */
export class CommuneCounters {
  readonly days = new Map<string, DayCounters>();

  apply(localDate: string, localHour: number, point: CounterPoint): void {
    let day = this.days.get(localDate);
    if (!day) {
      day = new DayCounters();
      this.days.set(localDate, day);
    }
    day.apply(point, localHour);
  }

  day(localDate: string): DayCounters | undefined {
    return this.days.get(localDate);
  }

  prune(keepFromDate: string): void {
    for (const d of this.days.keys()) if (d < keepFromDate) this.days.delete(d);
  }
}
