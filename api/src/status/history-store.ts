import type { ClickHouseClient } from '@clickhouse/client';
import type { Reason, StatusChange, UnitStatus } from '@kh02/schemas';
import type { Logger } from 'pino';

/** ClickHouse DateTime64 text ('2026-12-04 10:00:00.000', UTC) as ISO. */
export function isoOf(chTime: string): string {
  const t = chTime.includes('T') ? chTime : chTime.replace(' ', 'T');
  return new Date(Date.parse(t.endsWith('Z') ? t : `${t}Z`)).toISOString();
}

export interface RedSpell {
  code: string;
  fromMs: number;
  toMs: number | null;
}

/** Persists colour changes to ClickHouse in small batches and reads recent history back. */
export class StatusHistoryStore {
  private pending: StatusChange[] = [];
  private readonly byUnit = new Map<string, StatusChange[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly db: string,
    private readonly logger: Logger,
    private readonly keepPerUnit = 50,
  ) {}

  /**
   * Loads each unit's latest colour and when it took it, and the recent changes (last 24 h; baselines,
   * a unit's first sighting with from = to, are not changes).
   */
  async load(now: number): Promise<Map<string, { status: UnitStatus; since: string }>> {
    const rs = await this.client.query({
      query: `SELECT at, code, from_status, to_status, reasons FROM ${this.db}.status_changes FINAL
              WHERE at >= {from:DateTime64(3, 'UTC')} AND from_status != to_status ORDER BY at`,
      query_params: { from: new Date(now - 86_400_000).toISOString().replace('Z', '') },
      format: 'JSONEachRow',
    });
    const rows = await rs.json<{
      at: string;
      code: string;
      from_status: UnitStatus;
      to_status: UnitStatus;
      reasons: string;
    }>();
    for (const r of rows) {
      this.remember({
        at: isoOf(r.at),
        code: r.code,
        from: r.from_status,
        to: r.to_status,
        reasons: JSON.parse(r.reasons) as Reason[],
      });
    }
    const last = await this.client.query({
      query: `SELECT code, argMax(to_status, at) AS status, max(at) AS since FROM ${this.db}.status_changes GROUP BY code`,
      format: 'JSONEachRow',
    });
    return new Map(
      (await last.json<{ code: string; status: UnitStatus; since: string }>()).map((r) => [
        r.code,
        { status: r.status, since: isoOf(r.since) },
      ]),
    );
  }

  /**
   * Each unit's spells in red that ended after `fromMs` (or have not ended),
   * from the stored colour changes: a unit red since before `fromMs` starts
   * its spell at the change that made it red.
   */
  async redEpisodes(fromMs: number, include: (code: string) => boolean): Promise<RedSpell[]> {
    await this.flush();
    const rs = await this.client.query({
      query: `WITH {from:DateTime64(3, 'UTC')} AS since
              SELECT code, at, to_status FROM ${this.db}.status_changes FINAL
              WHERE at >= since OR (code, at) IN (
                SELECT code, max(at) FROM ${this.db}.status_changes WHERE at < since GROUP BY code)
              ORDER BY code, at`,
      query_params: { from: new Date(fromMs).toISOString().replace('Z', '') },
      format: 'JSONEachRow',
    });
    const rows = await rs.json<{ code: string; at: string; to_status: UnitStatus }>();
    const spells: RedSpell[] = [];
    let open: RedSpell | undefined;
    for (const r of rows) {
      if (!include(r.code)) continue;
      const at = Date.parse(r.at.endsWith('Z') ? r.at : `${r.at}Z`);
      if (open && open.code !== r.code) open = undefined;
      if (r.to_status === 'red' && !open) {
        open = { code: r.code, fromMs: at, toMs: null };
        spells.push(open);
      } else if (r.to_status !== 'red' && open) {
        open.toMs = at;
        open = undefined;
      }
    }
    return spells.filter((e) => e.toMs === null || e.toMs >= fromMs);
  }

  start(flushEveryMs = 2_000): void {
    this.timer = setInterval(() => void this.flush(), flushEveryMs);
    this.timer.unref();
  }

  /** Stores changes (remembered for the drill-down) and baselines (stored only, for replay and "since"). */
  record(changes: StatusChange[], baselines: StatusChange[] = []): void {
    for (const c of changes) {
      this.remember(c);
      this.pending.push(c);
    }
    this.pending.push(...baselines);
  }

  /** The newest `n` changes of the units `include` accepts, from memory (the last 24 h and everything since start). */
  recent(n: number, include: (code: string) => boolean): StatusChange[] {
    return [...this.byUnit.entries()]
      .filter(([code]) => include(code))
      .flatMap(([, changes]) => changes)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, n);
  }

  history(code: string): StatusChange[] {
    return [...(this.byUnit.get(code) ?? [])].reverse();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private remember(c: StatusChange): void {
    const list = this.byUnit.get(c.code) ?? [];
    list.push(c);
    if (list.length > this.keepPerUnit) list.shift();
    this.byUnit.set(c.code, list);
  }

  /** Writes what is pending now (readers of the table call it first, so they see the latest changes). */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.client.insert({
        table: `${this.db}.status_changes`,
        format: 'JSONEachRow',
        values: batch.map((c) => ({
          at: c.at,
          code: c.code,
          from_status: c.from,
          to_status: c.to,
          reasons: JSON.stringify(c.reasons),
        })),
      });
    } catch (err) {
      // History is best effort; it must never stall the live wall. Keep the batch for the next try.
      this.pending = [...batch, ...this.pending].slice(-10_000);
      this.logger.warn({ err, changes: batch.length }, 'could not persist status changes; will retry');
    }
  }
}
