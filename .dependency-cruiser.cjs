/**
 * The package graph, enforced in `npm run lint`:
 *
 *   schemas ← platform ← ingest, api ← server ← load, faults, deploy, web e2e
 *   (testkit: test support only, on top of everything; web: schemas only)
 *
 * Product code (any package's src/) may import only the packages below it,
 * never another package's files by relative path, never test code, and the
 * runtime import graph has no cycle. Checked on the TypeScript sources
 * (`@kh02/*` resolves to the packages' src/ through the workspace links).
 */

/** The packages each package's src/ may import (itself included). */
const ALLOWED = {
  schemas: ['schemas'],
  platform: ['schemas', 'platform'],
  ingest: ['schemas', 'platform', 'ingest'],
  api: ['schemas', 'platform', 'api'],
  server: ['schemas', 'platform', 'ingest', 'api', 'server'],
  web: ['schemas', 'web'],
  grafana: ['schemas', 'platform', 'grafana'],
  load: ['schemas', 'platform', 'ingest', 'api', 'server', 'load'],
  deploy: ['schemas', 'platform', 'server', 'deploy'],
  faults: ['schemas', 'platform', 'ingest', 'api', 'server', 'testkit', 'faults'],
  testkit: ['schemas', 'platform', 'ingest', 'api', 'server', 'testkit'],
};
const PACKAGES = Object.keys(ALLOWED);
const alternation = (names) => `(${names.join('|')})`;

const directionRules = PACKAGES.map((pkg) => ({
  name: `package-direction-${pkg}`,
  comment: `${pkg}/src may import only ${ALLOWED[pkg].join(', ')} (the one-way package graph).`,
  severity: 'error',
  from: { path: `^${pkg}/src/` },
  to: {
    path: `^${alternation(PACKAGES)}/`,
    pathNot: `^${alternation(ALLOWED[pkg])}/`,
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-cross-package-relative-import',
      comment: 'Another package is imported by its name (@kh02/…), never by a relative path into its folders.',
      severity: 'error',
      from: { path: `^${alternation(PACKAGES)}/` },
      to: { dependencyTypes: ['local'], pathNot: '^$1/' },
    },
    ...directionRules,
    {
      name: 'no-test-code-in-src',
      comment: 'Product code never imports test code: test folders, test files, the test kit, vitest.',
      severity: 'error',
      from: { path: `^${alternation(PACKAGES.filter((p) => p !== 'testkit' && p !== 'faults'))}/src/` },
      to: { path: ['(^|/)test/', '\\.test\\.ts$', '^testkit/', '(^|/)node_modules/(vitest|@vitest)/'] },
    },
    {
      name: 'no-runtime-cycle',
      comment: 'No cycle in the runtime import graph (type-only imports do not count).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '(^|/)\\.svelte-kit/', '(^|/)build/', '(^|/)coverage/'] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.svelte', '.json'],
      conditionNames: ['import', 'default'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main'],
    },
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
  },
};
