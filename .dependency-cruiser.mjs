/**
 * The one-way layer rule (docs/ARCHITECTURE.md, "Layers"), checked by `npm run lint`.
 *
 * Each layer lists the layers it may import; an import anywhere else under src/ fails. From the
 * bottom: model → config → reference → ingest | db → graph → load → resolvers → server → app →
 * cli, with generate/ and eval/ as tools over ingest/ beside them. Type-only imports count: a
 * type that climbs a layer ties the layers together as much as a value does.
 */
const LAYERS = {
  model: [],
  config: ['model'],
  reference: ['model', 'config'],
  ingest: ['model', 'config', 'reference'],
  db: ['model', 'config'],
  graph: ['model', 'config', 'reference', 'db'],
  load: ['model', 'config', 'reference', 'ingest', 'db', 'graph'],
  generate: ['model', 'config', 'reference', 'ingest'],
  // eval reads the generator's ground-truth types to compute answers independently of the graph.
  eval: ['model', 'config', 'reference', 'ingest', 'generate'],
  // Generated from schema/ by graphql-codegen: the resolvers' types, mapped onto graph rows.
  generated: ['model', 'graph', 'resolvers'],
  resolvers: ['model', 'config', 'reference', 'ingest', 'db', 'graph', 'load', 'generated'],
  server: ['model', 'config', 'reference', 'db', 'graph', 'resolvers', 'generated'],
  // app/audit compares the API's answers with eval's computation from the ground truth.
  app: ['model', 'config', 'reference', 'ingest', 'db', 'graph', 'load', 'server', 'eval'],
  cli: [
    'model',
    'config',
    'reference',
    'ingest',
    'db',
    'graph',
    'load',
    'generate',
    'eval',
    'server',
    'app',
  ],
};

/** `src/<layer>/…`, or `src/config.ts` for the config layer. */
function layerPath(layer) {
  return layer === 'config' ? '^src/config[.]ts$' : `^src/${layer}/`;
}

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only from: ${[layer, ...allowed].join(', ')}`,
  severity: 'error',
  from: { path: layerPath(layer) },
  to: { path: '^src/', pathNot: [layer, ...allowed].map(layerPath) },
}));

export default {
  forbidden: [
    ...layerRules,
    {
      name: 'unknown-layer',
      comment: 'every folder under src/ is a layer listed in .dependency-cruiser.mjs',
      severity: 'error',
      from: { path: '^src/', pathNot: Object.keys(LAYERS).map(layerPath) },
      to: {},
    },
    {
      name: 'question-through-index',
      comment:
        'a cross-report question is one folder: outside it, import only its index.ts (its query fragments stay inside)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/graph/questions/' },
      to: {
        path: '^src/graph/questions/[^/]+/',
        pathNot: '^src/graph/questions/[^/]+/index[.]ts$',
      },
    },
    {
      name: 'questions-apart',
      comment: 'no question imports another question',
      severity: 'error',
      from: { path: '^src/graph/questions/([^/]+)/' },
      to: { path: '^src/graph/questions/', pathNot: '^src/graph/questions/$1/' },
    },
    {
      name: 'driver-in-db',
      comment: 'only db/ talks to neo4j-driver: everything else goes through the executor',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: 'node_modules/neo4j-driver' },
    },
    {
      name: 'graphql-at-the-top',
      comment: 'GraphQL and Apollo belong to resolvers/ and server/; the graph layer knows no API',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/resolvers/', '^src/server/', '^src/generated/'] },
      to: { path: 'node_modules/(graphql|@apollo)/' },
    },
    {
      name: 'no-tests-in-src',
      comment: 'src/ never imports tests/, bench/ or scripts/',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      comment: 'modules that import each other cannot be moved or tested apart',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '[.]test[.]ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
