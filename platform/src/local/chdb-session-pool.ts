import type { ChdbResult, Session } from 'chdb';
import { settingLiteral, type ShimRequest } from './clickhouse-shim-request.js';

/**
 * A few chDB sessions on one data directory, each lent to one request at a
 * time. A chDB session is stateful (SET, USE and parameters persist between
 * queries), so a request's settings are applied on the session it holds and
 * reset before the session is lent again: nothing leaks into the next request.
 * Sessions on the same directory run in parallel (platform-notes §1).
 */
export class ChdbSessionPool {
  private readonly idle: Session[] = [];
  private readonly waiting: ((s: Session) => void)[] = [];
  private readonly all = new Set<Session>();
  private closed = false;

  constructor(
    private readonly open: () => Session,
    size: number,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.track(open()));
  }

  /** Runs the request on an exclusively held session, then resets what it changed. */
  async execute(req: ShimRequest): Promise<ChdbResult> {
    const session = await this.acquire();
    try {
      return await runOn(session, req);
    } finally {
      this.release(session, await resetSession(session, req));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.all) s.close();
    this.all.clear();
    await Promise.resolve();
  }

  private track(s: Session): Session {
    this.all.add(s);
    return s;
  }

  private acquire(): Promise<Session> {
    if (this.closed) return Promise.reject(new Error('the ClickHouse shim is shutting down'));
    const s = this.idle.pop();
    if (s) return Promise.resolve(s);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(session: Session, healthy: boolean): void {
    let next = session;
    if (!healthy) {
      // A session whose settings could not be reset is replaced, never reused.
      this.all.delete(session);
      session.close();
      if (this.closed) return;
      next = this.track(this.open());
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter(next);
    else this.idle.push(next);
  }
}

async function runOn(session: Session, req: ShimRequest): Promise<ChdbResult> {
  const names = Object.keys(req.settings);
  if (names.length > 0) {
    await session.queryAsync(`SET ${names.map((k) => `${k} = ${settingLiteral(req.settings[k] ?? '')}`).join(', ')}`);
  }
  if (req.database) await session.queryAsync(`USE ${req.database}`);
  const opts = { format: req.format };
  return Object.keys(req.params).length > 0
    ? session.queryBindAsync(req.sql, req.params, opts)
    : session.queryAsync(req.sql, opts);
}

/** Back to the session's initial state; false if that failed. */
async function resetSession(session: Session, req: ShimRequest): Promise<boolean> {
  try {
    const names = Object.keys(req.settings);
    if (names.length > 0) await session.queryAsync(`SET ${names.map((k) => `${k} = DEFAULT`).join(', ')}`);
    if (req.database) await session.queryAsync('USE default');
    return true;
  } catch {
    return false;
  }
}
