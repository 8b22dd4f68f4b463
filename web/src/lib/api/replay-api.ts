/* The wall as it was (GET /api/v1/replay, api/src/routes/replay-routes.ts): any session, the display's too. */
import { ReplaySchema, type Replay } from '@kh02/schemas';
import type { RestClient } from './rest';

export function fetchReplay(rest: RestClient, fromMs: number, toMs: number, signal?: AbortSignal): Promise<Replay> {
  const q = new URLSearchParams({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
  return rest.get(`/api/v1/replay?${q.toString()}`, ReplaySchema, signal);
}
