/*
 * Docker Compose variable interpolation (compose-spec "Interpolation"):
 * $$ is a literal $, ${VAR} / $VAR, ${VAR:-default} (unset or empty),
 * ${VAR-default} (unset), ${VAR:?message} / ${VAR?message} (required).
 * Enough to evaluate the compose file with the values of .env.example.
 */

export interface Interpolated {
  value: string;
  /** Variables that were used. */
  used: string[];
  /** Required variables (`:?` / `?`) that had no value. */
  missing: string[];
}

const PATTERN = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function interpolate(text: string, vars: ReadonlyMap<string, string>): Interpolated {
  const used: string[] = [];
  const missing: string[] = [];
  const value = text.replace(
    PATTERN,
    (match, braced?: string, colon?: string, op?: string, arg?: string, bare?: string) => {
      if (match === '$$') return '$';
      const name = braced ?? bare ?? '';
      used.push(name);
      const v = vars.get(name);
      const absent = v === undefined || (colon === ':' && v === '');
      if (op === '-') return absent ? (arg ?? '') : (v ?? '');
      if (op === '?') {
        if (absent) missing.push(name);
        return v ?? '';
      }
      return v ?? '';
    },
  );
  return { value, used, missing };
}

/** Every variable a text refers to, with whether it has a default or is required. */
export function variablesIn(text: string): Array<{ name: string; hasDefault: boolean; required: boolean }> {
  const out: Array<{ name: string; hasDefault: boolean; required: boolean }> = [];
  for (const m of text.matchAll(PATTERN)) {
    if (m[0] === '$$') continue;
    out.push({ name: m[1] ?? m[5] ?? '', hasDefault: m[3] === '-', required: m[3] === '?' });
  }
  return out;
}

/** KEY=VALUE lines of a .env file (comments and blank lines skipped; no quotes processing needed here). */
export function parseDotEnv(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m?.[1]) vars.set(m[1], (m[2] ?? '').trim());
  }
  return vars;
}
