/*
 * Stand-in for `$app/paths` in the jsdom tests, which run without the
 * SvelteKit plugin (see vitest.config.ts). The wall has no base path, so
 * resolve() only fills route parameters.
 */
export function resolve(route: string, params: Record<string, string> = {}): string {
  return route.replace(/\[(\w+)\]/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
}
