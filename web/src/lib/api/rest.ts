/*
 * Small REST client for the api. Every non-2xx answer carries
 * `{ error: { code, message: {vi,en} } }`; it is surfaced as an ApiError so
 * pages can show the server's own bilingual message verbatim.
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
export interface Parser<T> {
  parse(data: unknown): T;
}

export type TimeRange = '24h' | '7d' | '30d';

export interface RestClientOptions {
  /** Empty for same origin (production and the dev proxy). */
  baseUrl?: string;
  token?: () => string | null;
  fetch?: typeof fetch;
  /** The server refused the bearer token (401): a person's session ended, so the app can say so. */
  onUnauthorized?: () => void;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  /** Extra headers, e.g. Idempotency-Key and If-Match on ticket commands. */
  headers?: Record<string, string>;
  /** False for sign-in: no bearer header, and a 401 there is a wrong password, not an ended session. */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface Download {
  blob: Blob;
  /** From Content-Disposition when the server names the file. */
  filename: string | null;
}

const both = (pick: (m: typeof MESSAGES.vi) => string): BilingualText => ({
  vi: pick(MESSAGES.vi),
  en: pick(MESSAGES.en),
});

/** `attachment; filename*=UTF-8''b%C3%A1o.csv` or `filename="bao-cao.csv"` → the name. */
export function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return star[1];
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

export class RestClient {
  readonly #base: string;
  readonly #token: () => string | null;
  readonly #fetch: typeof fetch;
  readonly #onUnauthorized: () => void;

  constructor(opts: RestClientOptions = {}) {
    this.#base = opts.baseUrl ?? '';
    this.#token = opts.token ?? (() => null);
    // Bound so a global fetch is not called with the client as `this`.
    this.#fetch = opts.fetch ?? ((input, init) => fetch(input, init));
    this.#onUnauthorized = opts.onUnauthorized ?? (() => undefined);
  }

  /** Sends one request; resolves to the raw response once it is known to be a 2xx. */
  async #send(path: string, accept: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept, ...opts.headers };
    const auth = opts.auth ?? true;
    const token = auth ? this.#token() : null;
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.#fetch(this.#base + path, {
        method: opts.method ?? 'GET',
        headers,
        signal: opts.signal ?? null,
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError(
        'NETWORK',
        0,
        both((m) => m.error.network),
      );
    }
    if (res.ok) return res;
    if (res.status === 401 && auth && token) this.#onUnauthorized();
    const body: unknown = await res.json().catch(() => null);
    const parsed = ApiErrorBodySchema.safeParse(body);
    if (parsed.success) throw new ApiError(parsed.data.error.code, res.status, parsed.data.error.message);
    throw new ApiError(
      `HTTP_${res.status}`,
      res.status,
      both((m) => m.error.badResponse),
    );
  }

  async request<T>(path: string, parser: Parser<T>, opts: RequestOptions = {}): Promise<T> {
    const res = await this.#send(path, 'application/json', opts);
    const body: unknown = await res.json().catch(() => null);
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

  get<T>(path: string, parser: Parser<T>, signal?: AbortSignal): Promise<T> {
    return this.request(path, parser, signal ? { signal } : {});
  }

  post<T>(path: string, body: unknown, parser: Parser<T>, opts: Omit<RequestOptions, 'method' | 'body'> = {}) {
    return this.request(path, parser, { ...opts, method: 'POST', body });
  }

  /**
   * A file behind the bearer header (CSV, PDF, attachments): a plain link cannot
   * carry Authorization, so it is fetched here and handed out as a Blob.
   */
  async download(path: string, signal?: AbortSignal): Promise<Download> {
    const res = await this.#send(path, '*/*', signal ? { signal } : {});
    return { blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition')) };
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
