/**
 * The hostile requests of issue 17 and the sending of one: bench/hostile-requests.ts measures
 * them one kind at a time, bench/chaos.ts sends them while an ordinary load runs.
 */
export const INGEST_TOKEN = 'bench-hostile-token';
const MiB = 1024 * 1024;

export interface Answer {
  status: number | string;
  code: string;
  ms: number;
  bytes: number;
  text: string;
}

/** POSTs `body` to `url`'s /graphql: status, first error code (`ok` without one), time, size. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(new URL('/graphql', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    let code = '-';
    try {
      const json = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
      code = json.errors?.[0]?.extensions?.code ?? 'ok';
    } catch {
      code = 'not JSON';
    }
    return {
      status: response.status,
      code,
      ms: performance.now() - started,
      bytes: text.length,
      text: text.slice(0, 600),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return {
      status: `failed (${cause})`,
      code: '-',
      ms: performance.now() - started,
      bytes: 0,
      text: '',
    };
  }
}

export function query(text: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query: text, variables });
}

function aliases(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

/**
 * Random lower-case words in sentences, `bytes` long, after the two lines that make a text read
 * as a children's home report: junk that parses as a report of no date.
 */
function junkText(bytes: number): string {
  const words = [
    "Full inspection\n\nInspected under the social care common inspection framework\n\nInformation about this children's home\n\n",
  ];
  let length = words[0]!.length;
  let seed = 17;
  while (length < bytes) {
    let word = '';
    const size = 2 + (seed % 9);
    for (let i = 0; i < size; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      word += String.fromCharCode(97 + (seed % 26));
    }
    words.push(words.length % 15 === 0 ? `${word}.\n` : word);
    length += word.length + 1;
  }
  return words.join(' ').slice(0, bytes);
}

export interface Case {
  name: string;
  /** How many of it are sent at once. */
  copies: number;
  body: () => string;
  headers?: Record<string, string>;
}

const NESTED = (first: (n: number) => string) =>
  `{ locations${first(20)} { nodes { id inspections${first(20)} { nodes { id findings${first(50)} { nodes { id text themes { theme { id } terms } } } } } } } }`;

export const CASES: Case[] = [
  {
    name: '25 MB of __typename',
    copies: 1,
    body: () => query(`{ ${'__typename '.repeat((25 * MiB) / 11)}}`),
  },
  {
    name: '25 MB of __typename, eight at once',
    copies: 8,
    body: () => query(`{ ${'__typename '.repeat((25 * MiB) / 11)}}`),
  },
  {
    // Under the 1 MiB body limit: refused by the token limit instead.
    name: '1,000,000 bytes of __typename',
    copies: 1,
    body: () => query(`{ ${'__typename '.repeat(1_000_000 / 11)}}`),
  },
  {
    name: '60 fields with @include',
    copies: 1,
    body: () => query(`{ ${'__typename @include(if: true) '.repeat(60)}}`),
  },
  {
    name: '25 aliases of breachCounts',
    copies: 1,
    body: () =>
      query(aliases(25, 'breachCounts(groupBy: [REGULATION]) { nodes { requirementCount } }')),
  },
  {
    name: '500,000 @skip directives',
    copies: 1,
    body: () => query(`{ __typename ${'@skip(if: false) '.repeat(500_000)}}`),
  },
  {
    name: '700 aliases of breachCounts',
    copies: 1,
    body: () =>
      query(aliases(700, 'breachCounts(groupBy: [REGULATION]) { nodes { requirementCount } }')),
  },
  {
    name: '700 aliases of breachCounts, three at once',
    copies: 3,
    body: () =>
      query(aliases(700, 'breachCounts(groupBy: [REGULATION]) { nodes { requirementCount } }')),
  },
  {
    // Within every limit, but each alias an exact query (a window off year boundaries): what a
    // request may still ask, and what the session cap and deadline are for.
    name: '20 aliases of breachCounts over exact queries, three at once',
    copies: 3,
    body: () =>
      query(
        `{ ${Array.from(
          { length: 20 },
          (_, i) =>
            `a${i}: breachCounts(groupBy: [PROVIDER, YEAR], filter: { from: "20${10 + (i % 10)}-03-0${1 + (i % 9)}" }, first: 5) { nodes { requirementCount } }`,
        ).join(' ')} }`,
      ),
  },
  {
    name: 'nested read, explicit first 20/20/50',
    copies: 1,
    body: () => query(NESTED((n) => `(first: ${n})`)),
  },
  {
    name: 'nested read, default page sizes',
    copies: 1,
    body: () => query(NESTED(() => '')),
  },
  {
    name: '1 MB invalid cursor',
    copies: 1,
    body: () => query(`{ locations(after: "${'x'.repeat(MiB)}") { nodes { id } } }`),
  },
  {
    name: '900 kB invalid cursor',
    copies: 1,
    body: () => query(`{ locations(after: "${'x'.repeat(900_000)}") { nodes { id } } }`),
  },
  {
    name: 'search text of 1,100 words',
    copies: 1,
    body: () =>
      query('query ($t: String!) { search(text: $t) { snippet } }', {
        t: Array.from({ length: 1100 }, (_, i) => `word${i}`).join(' '),
      }),
  },
  {
    name: 'ingestReport of 20 MB of junk',
    copies: 1,
    headers: { authorization: `Bearer ${INGEST_TOKEN}` },
    body: () =>
      query(
        'mutation ($c: String!) { ingestReport(input: { content: $c, format: TXT }) { status message inspection { id startDate } } }',
        { c: junkText(20 * MiB) },
      ),
  },
  {
    // Under the 10 MiB upload limit: parsed (in a worker thread, after), then refused as empty.
    name: 'ingestReport of 9 MB of junk',
    copies: 1,
    headers: { authorization: `Bearer ${INGEST_TOKEN}` },
    body: () =>
      query(
        'mutation ($c: String!) { ingestReport(input: { content: $c, format: TXT }) { status message inspection { id startDate } } }',
        { c: junkText(9 * MiB) },
      ),
  },
];
