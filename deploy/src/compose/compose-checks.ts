import type { ComposeFile, ComposeService } from './compose-model.js';

/*
 * Semantic checks of docker-compose.yml that hold without a Docker engine.
 * Each returns the problems it found, as sentences; an empty list is a pass.
 */

const services = (c: ComposeFile) => Object.entries(c.services);

export function healthcheckProblems(c: ComposeFile): string[] {
  return services(c)
    .filter(([, s]) => {
      const test = s.healthcheck?.test;
      return s.healthcheck?.disable === true || !test || (Array.isArray(test) ? test.length < 2 : test.trim() === '');
    })
    .map(([name]) => `${name} has no healthcheck`);
}

/** `source:target[:mode]` → the source, when it is a named volume (not a path). */
function namedVolume(spec: string): string | undefined {
  const source = spec.split(':')[0] ?? '';
  return source.startsWith('.') || source.startsWith('/') || source.startsWith('~') ? undefined : source;
}

export function volumeProblems(c: ComposeFile): string[] {
  const declared = new Set(Object.keys(c.volumes ?? {}));
  const used = new Set<string>();
  const problems: string[] = [];
  for (const [name, s] of services(c)) {
    for (const v of s.volumes ?? []) {
      const vol = namedVolume(v);
      if (!vol) continue;
      used.add(vol);
      if (!declared.has(vol)) problems.push(`${name} mounts volume ${vol}, which is not declared under volumes:`);
    }
  }
  for (const vol of declared) if (!used.has(vol)) problems.push(`volume ${vol} is declared but never mounted`);
  return problems;
}

/** Bind-mounted host paths must exist, and configuration must be mounted read-only. */
export function bindMountProblems(c: ComposeFile, exists: (repoPath: string) => boolean): string[] {
  const problems: string[] = [];
  for (const [name, s] of services(c)) {
    for (const v of s.volumes ?? []) {
      if (namedVolume(v)) continue;
      const [source = '', , mode] = v.split(':');
      if (!exists(source.replace(/^\.\//, ''))) problems.push(`${name} mounts ${source}, which does not exist`);
      if (mode !== 'ro') problems.push(`${name} mounts ${source} writable; configuration is mounted :ro`);
    }
  }
  return problems;
}

export function dependsOnProblems(c: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, s] of services(c)) {
    const deps = s.depends_on ?? {};
    if (Array.isArray(deps)) {
      problems.push(`${name}: depends_on must use the long form with a condition`);
      continue;
    }
    for (const [dep, spec] of Object.entries(deps)) {
      const target = c.services[dep];
      if (!target) {
        problems.push(`${name} depends on ${dep}, which is not a service`);
        continue;
      }
      if (spec.condition !== 'service_healthy' && spec.condition !== 'service_completed_successfully') {
        problems.push(`${name} depends on ${dep} without waiting for it to be healthy`);
      }
      if (spec.condition === 'service_healthy' && healthcheckProblems({ services: { [dep]: target } }).length > 0) {
        problems.push(`${name} waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      }
      // A dependency that exists only under a profile must be optional, or the other profile cannot start.
      if ((target.profiles ?? []).length > 0 && spec.required !== false) {
        problems.push(`${name} depends on ${dep} (profile ${target.profiles?.join(',')}) without required: false`);
      }
    }
  }
  return problems;
}

/** Every image pinned to a version: no missing tag, no :latest, and locally built images named kh02/*. */
export function imageProblems(c: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, s] of services(c)) {
    if (!s.image) {
      problems.push(`${name} has no image name`);
      continue;
    }
    const tag = /:([^/:]+)$/.exec(s.image)?.[1];
    if (!tag || tag === 'latest') problems.push(`${name} image ${s.image} is not pinned to a version`);
    if (s.build && !s.image.startsWith('kh02/')) problems.push(`${name} builds an image not named kh02/*`);
  }
  return problems;
}

export function commandOf(s: ComposeService): string[] {
  if (Array.isArray(s.command)) return s.command;
  return typeof s.command === 'string' ? s.command.split(/\s+/) : [];
}

/** Environment keys a service sets that its configuration schemas do not know (typos, stale names). */
export function unknownEnvKeys(s: ComposeService, allowed: ReadonlySet<string>): string[] {
  return Object.keys(s.environment ?? {}).filter((k) => !allowed.has(k));
}
