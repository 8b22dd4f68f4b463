/*
 * Small REST client for the read API. Every non-2xx answer carries
 * `{ error: { code, message: {vi,en} } }`; it is surfaced as an ApiError so
 * pages can show the server's own bilingual message.
 */
import {
  ApiErrorBodySchema,
  RankingSchema,
  SystemDetailSchema,
  TimeseriesSchema,
  UnitDetailSchema,
  WallSnapshotSchema,
  type BilingualText,
  type Ranking,
  type RankingIndicator,
  type SystemDetail,
  type Timeseries,
  type TimeseriesMetric,
  type UnitDetail,
  type WallSnapshot,
} from '@kh02/schemas';
import { MESSAGES } from '$lib/i18n/messages';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly text: BilingualText,
  ) {
    super(`${code} (${status}): ${text.en}`);
    this.name = 'ApiError';
  }
}

/** Anything with zod's `parse` (kept structural so web does not depend on zod directly). */
interface Parser<T> {
  parse(data: unknown): T;
}

export type TimeRange = '24h' | '7d' | '30d';

export interface RestClientOptions {
  /** Empty for same origin (production and the dev proxy). */
  baseUrl?: string;
  token?: () => string | null;
  fetch?: typeof fetch;
}

const both = (pick: (m: typeof MESSAGES.vi) => string): BilingualText => ({
  vi: pick(MESSAGES.vi),
  en: pick(MESSAGES.en),
});

export class RestClient {
  readonly #base: string;
  readonly #token: () => string | null;
  readonly #fetch: typeof fetch;

  constructor(opts: RestClientOptions = {}) {
    this.#base = opts.baseUrl ?? '';
    this.#token = opts.token ?? (() => null);
    // Bound so a global fetch is not called with the client as `this`.
    this.#fetch = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  async get<T>(path: string, parser: Parser<T>, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.#token();
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await this.#fetch(this.#base + path, { headers, signal: signal ?? null });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError(
        'NETWORK',
        0,
        both((m) => m.error.network),
      );
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = ApiErrorBodySchema.safeParse(body);
      if (parsed.success) throw new ApiError(parsed.data.error.code, res.status, parsed.data.error.message);
      throw new ApiError(
        `HTTP_${res.status}`,
        res.status,
        both((m) => m.error.badResponse),
      );
    }
    try {
      return parser.parse(body);
    } catch {
      throw new ApiError(
        'BAD_RESPONSE',
        res.status,
        both((m) => m.error.badResponse),
      );
    }
  }

  wall(signal?: AbortSignal): Promise<WallSnapshot> {
    return this.get('/api/v1/wall', WallSnapshotSchema, signal);
  }

  unit(code: string, signal?: AbortSignal): Promise<UnitDetail> {
    return this.get(`/api/v1/units/${encodeURIComponent(code)}`, UnitDetailSchema, signal);
  }

  system(id: string, signal?: AbortSignal): Promise<SystemDetail> {
    return this.get(`/api/v1/systems/${encodeURIComponent(id)}`, SystemDetailSchema, signal);
  }

  ranking(indicator: RankingIndicator, signal?: AbortSignal): Promise<Ranking> {
    return this.get(`/api/v1/rankings?indicator=${indicator}`, RankingSchema, signal);
  }

  series(
    owner: { unit: string } | { system: string },
    metric: TimeseriesMetric,
    range: TimeRange,
    signal?: AbortSignal,
  ): Promise<Timeseries> {
    const base =
      'unit' in owner
        ? `/api/v1/units/${encodeURIComponent(owner.unit)}`
        : `/api/v1/systems/${encodeURIComponent(owner.system)}`;
    return this.get(`${base}/timeseries?metric=${metric}&range=${range}`, TimeseriesSchema, signal);
  }
}
