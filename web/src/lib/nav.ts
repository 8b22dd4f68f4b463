/* Links with a query string: the route part is resolve()d, the query never changes which route it is. */
import type { ResolvedPathname } from '$app/types';

export function withQuery(path: ResolvedPathname, params: Record<string, string | undefined>): ResolvedPathname {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return (qs ? `${path}?${qs}` : path) as ResolvedPathname;
}

/**
 * Where to go after signing in: only a path on this site ("/province/01"),
 * never another origin or a protocol-relative "//host", so `?next=` cannot
 * send a person elsewhere.
 */
export function safeNext(next: string | null): ResolvedPathname | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  // A same-site path; if it names no route the app's own 404 handles it.
  return next as ResolvedPathname;
}
