/**
 * A V8 CPU profile (`node --cpu-prof`) summed by what each sample was doing, for
 * bench/graphql-overhead.ts's `--profile` and bench/PROFILE.md: self time by part (the
 * driver, graphql-jit, Apollo, our row conversion...), and inclusive time of a few stages
 * (a stage's time counts every sample with one of its frames on the stack).
 *
 *   npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [--requests N]
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Parts by the file a frame runs in; the first rule that matches names the part. */
const PARTS: readonly [string, (frame: CallFrame) => boolean][] = [
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['idle', (f) => f.functionName === '(idle)'],
  ['program (V8, not JS)', (f) => f.functionName === '(program)'],
  ['neo4j-driver', (f) => f.url.includes('/neo4j-driver')],
  ['graphql-jit', (f) => f.url.includes('/graphql-jit/')],
  ['graphql-js', (f) => f.url.includes('/node_modules/graphql/')],
  ['apollo server', (f) => f.url.includes('/@apollo/')],
  ['graphql-armor (limits)', (f) => f.url.includes('/graphql-armor')],
  [
    'express, body-parser, cors',
    (f) =>
      /\/node_modules\/(express|body-parser|cors|raw-body|iconv-lite|type-is|content-type|qs|on-finished|bytes|mime)/.test(
        f.url,
      ),
  ],
  ['dataloader', (f) => f.url.includes('/dataloader/')],
  ['tsx, source maps', (f) => f.url.includes('/tsx/') || f.url.includes('source-map')],
  ['src/db (values, executor)', (f) => f.url.includes('/src/db/')],
  ['src/graph (rows, prefetch, loaders)', (f) => f.url.includes('/src/graph/')],
  ['src/resolvers', (f) => f.url.includes('/src/resolvers/')],
  ['src/server', (f) => f.url.includes('/src/server/')],
  [
    'node:http, net, streams',
    (f) =>
      /^node:(_http|http|net|internal\/(http|stream|streams|net))/.test(f.url) ||
      /^node:internal\/(js_stream|stream_base)/.test(f.url),
  ],
  ['node: other', (f) => f.url.startsWith('node:')],
  ['other node_modules', (f) => f.url.includes('/node_modules/')],
  ['other project code', (f) => f.url.includes('/src/') || f.url.includes('/bench/')],
];

/** Stages: a sample counts for a stage when a frame of that function is anywhere on its stack. */
const STAGES: readonly [string, (frame: CallFrame) => boolean][] = [
  [
    'Apollo executeHTTPGraphQLRequest (all of a request)',
    (f) => f.functionName === 'executeHTTPGraphQLRequest',
  ],
  ['driver: Bolt unpacking, records', (f) => f.url.includes('/neo4j-driver-bolt-connection/')],
  ['driver: captureStacktrace', (f) => f.functionName === 'captureStacktrace'],
  ['toPlain (db/values.ts)', (f) => f.functionName === 'toPlain' && f.url.includes('/src/db/')],
  ['query.parse (row parsers)', (f) => f.functionName === 'parse' && f.url.includes('/src/graph/')],
  ['attachNested (prefetch.ts)', (f) => f.functionName === 'attachNested'],
  [
    'compiled query (graphql-jit, resolvers included)',
    (f) => f.url.includes('/graphql-jit/') || f.functionName.startsWith('compiled'),
  ],
  ['resolvers (src/resolvers)', (f) => f.url.includes('/src/resolvers/')],
  ['prefetch plan (prefetch-plan.ts)', (f) => f.url.includes('/src/resolvers/prefetch-plan')],
  ['stringifyResult', (f) => f.functionName === 'stringifyResult'],
  [
    'graphql-js execute (variables, fallbacks)',
    (f) => f.url.includes('/node_modules/graphql/execution/'),
  ],
  [
    'Apollo validation / parsing',
    (f) =>
      f.url.includes('/node_modules/graphql/validation/') ||
      f.url.includes('/node_modules/graphql/language/'),
  ],
  [
    'context (per request)',
    (f) => f.functionName === 'context' && f.url.includes('/src/server/app'),
  ],
  ['cors', (f) => f.url.includes('/node_modules/cors/')],
  ['JSON body parsing', (f) => f.url.includes('/body-parser/')],
];

export interface ProfileSummary {
  totalMs: number;
  parts: [string, number][];
  stages: [string, number][];
  topFunctions: [string, number][];
}

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, at) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[at] ?? 0) / 1000);
  });
  const parts = new Map<string, number>();
  const stages = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    totalMs += ms;
    // A builtin (no file: JSON.stringify, Array.map) is charged to the nearest frame with one.
    let owner = byId.get(id)!;
    while (owner.callFrame.url === '' && !owner.callFrame.functionName.startsWith('(')) {
      const up = parent.get(owner.id);
      if (up === undefined) break;
      owner = byId.get(up)!;
    }
    const part = PARTS.find(([, test]) => test(owner.callFrame))?.[0] ?? 'unattributed';
    parts.set(part, (parts.get(part) ?? 0) + ms);
    const frame = byId.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const callFrame = byId.get(at)!.callFrame;
      for (const [stage, test] of STAGES) {
        if (!seen.has(stage) && test(callFrame)) {
          seen.add(stage);
          stages.set(stage, (stages.get(stage) ?? 0) + ms);
        }
      }
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    parts: sorted(parts),
    stages: STAGES.map(([stage]) => [stage, stages.get(stage) ?? 0]),
    topFunctions: sorted(functions).slice(0, 25),
  };
}

export function printProfileSummary(summary: ProfileSummary, requests: number): void {
  const per = (ms: number) => `${(ms / requests).toFixed(2)} ms/request`;
  const busy = summary.totalMs - (summary.parts.find(([p]) => p === 'idle')?.[1] ?? 0);
  console.log(
    `profile: ${summary.totalMs.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms busy, ${requests} requests (${per(busy)})`,
  );
  console.log('self time by part:');
  for (const [part, ms] of summary.parts) if (part !== 'idle') console.log(`  ${part}: ${per(ms)}`);
  console.log('inclusive time by stage:');
  for (const [stage, ms] of summary.stages) console.log(`  ${stage}: ${per(ms)}`);
  console.log('top functions by self time:');
  for (const [name, ms] of summary.topFunctions) console.log(`  ${per(ms)}  ${name}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpu-profile-summary.ts FILE.cpuprofile [--requests N]');
  const at = process.argv.indexOf('--requests');
  const requests = at === -1 ? 1 : Number(process.argv[at + 1]);
  printProfileSummary(
    summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile),
    requests,
  );
}
