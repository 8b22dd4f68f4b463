import { readFileSync } from 'node:fs';

/** What the k6 scripts did through the stubbed k6 modules. */
export interface K6Calls {
  posts: { url: string; body: string; headers: Record<string, string> }[];
  checks: number;
  metrics: Map<string, number[]>;
}

// Kept on globalThis: vi.resetModules() re-evaluates this file for every fresh k6 script
// import, and the test must see the calls made through whichever copy the script got.
const shared = globalThis as typeof globalThis & {
  kh02K6Calls?: K6Calls;
  kh02K6Execution?: { scenario: { iterationInTest: number }; vu: { idInTest: number } };
};
export const k6Calls: K6Calls = (shared.kh02K6Calls ??= { posts: [], checks: 0, metrics: new Map() });
/** The iteration k6 would be on (k6/execution), set by the test. */
export const k6Execution = (shared.kh02K6Execution ??= { scenario: { iterationInTest: 0 }, vu: { idInTest: 1 } });

class Metric {
  constructor(private readonly name: string) {}
  add(v: number): void {
    const list = k6Calls.metrics.get(this.name) ?? [];
    list.push(v);
    k6Calls.metrics.set(this.name, list);
  }
}

export const k6Modules = {
  'k6/http': {
    default: {
      post(url: string, body: string, params: { headers: Record<string, string> }) {
        k6Calls.posts.push({ url, body, headers: params.headers });
        return { status: 202, headers: {}, json: () => undefined };
      },
    },
  },
  k6: {
    check(value: unknown, checks: Record<string, (v: unknown) => boolean>) {
      for (const f of Object.values(checks)) if (f(value)) k6Calls.checks++;
      return true;
    },
    sleep() {},
  },
  'k6/execution': { default: k6Execution },
  'k6/metrics': { Counter: Metric, Trend: Metric },
  'k6/ws': { default: { connect() {} } },
};

/** k6's init-context globals: `__ENV` and `open()`. */
export function installK6Globals(env: Record<string, string>): void {
  Object.assign(globalThis, { __ENV: env, open: (path: string) => readFileSync(path, 'utf8') });
}
