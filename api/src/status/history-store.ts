import type { ClickHouseClient } from '@clickhouse/client';
import type { Reason, StatusChange, UnitStatus } from '@kh02/schemas';
import type { Logger } from 'pino';

/** Persists colour changes to ClickHouse in small batches and reads recent history back. */
export class StatusHistoryStore {
  private pending: StatusChange[] = [];
  private readonly recent = new Map<string, StatusChange[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly db: string,
    private readonly logger: Logger,
    private readonly keepPerUnit = 50,
  ) {}

  /** Loads the latest status per unit and recent changes (last 24 h). */
  async load(now: number): Promise<Map<string, UnitStatus>> {
    const rs = await this.client.query({
      query: `SELECT at, code, from_status, to_status, reasons FROM ${this.db}.status_changes FINAL
              WHERE at >= {from:DateTime64(3, 'UTC')} ORDER BY at`,
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
        at: new Date(Date.parse(r.at.endsWith('Z') ? r.at : `${r.at}Z`)).toISOString(),
        code: r.code,
        from: r.from_status,
        to: r.to_status,
        reasons: JSON.parse(r.reasons) as Reason[],
      });
    }
    const last = await this.client.query({
      query: `SELECT code, argMax(to_status, at) AS status FROM ${this.db}.status_changes GROUP BY code`,
      format: 'JSONEachRow',
    });
    return new Map((await last.json<{ code: string; status: UnitStatus }>()).map((r) => [r.code, r.status]));
  }

  start(flushEveryMs = 2_000): void {
    this.timer = setInterval(() => void this.flush(), flushEveryMs);
    this.timer.unref();
  }

  record(changes: StatusChange[]): void {
    for (const c of changes) {
      this.remember(c);
      this.pending.push(c);
    }
  }

  history(code: string): StatusChange[] {
    return [...(this.recent.get(code) ?? [])].reverse();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private remember(c: StatusChange): void {
    const list = this.recent.get(c.code) ?? [];
    list.push(c);
    if (list.length > this.keepPerUnit) list.shift();
    this.recent.set(c.code, list);
  }

  private async flush(): Promise<void> {
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
