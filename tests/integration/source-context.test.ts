/**
 * `source { context(sentences) }` through the real pipeline, loader and API into the real
 * Neo4j, against sentences read by hand from the fixtures' text: the CQC full report PDF
 * (tests/fixtures/corpus/cqc/cqc_arreta-care-limited_2023-11-14.pdf, read as
 * `npm run ingest -- --dry-run --text` prints it), the two seed reports (seed/), and a CQC API
 * record (tests/fixtures/corpus/cqc/cqc_1-5203053560_api-location-with-assessment.json).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { askGraphQL, postGraphQL } from '../support/http.ts';
import { ROOT } from '../support/ingest-cli.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const CQC_DIR = path.join(ROOT, 'tests/fixtures/corpus/cqc');
const FILES = [
  path.join(CQC_DIR, 'cqc_arreta-care-limited_2023-11-14.pdf'),
  path.join(CQC_DIR, 'cqc_1-5203053560_api-location-with-assessment.json'),
  path.join(ROOT, 'seed/000_573f2340e3d978e1.txt'),
  path.join(ROOT, 'seed/002_7b99ce8a6ac40e7e.txt'),
];

const ARRETA = 'content:eda2abaa7f60a1e0:2023-10-19:full';
const TREETOPS = 'cqc:1-5203053560:2024-07-15:assessment';
const OFSTED_SEED = 'ofsted:1247390:2019-07-23:full';
const CQC_SEED = 'content:06bd77b6149d2213:2023-09-11:routine';

type Marked = { position: 'BEFORE' | 'SELF' | 'AFTER'; text: string };
interface Sourced {
  text: string;
  source: { context: Marked[] | null };
}

let graph: TestGraph;
let server: RunningServer;

beforeAll(async () => {
  graph = connectTestGraph();
  await resetTestGraph(graph);
  await runMigrations(graph.db, { seedDir: null, log: () => {} });
  for (const file of FILES) {
    const result = await ingestFile(file, { db: graph.db, force: false, meta: null });
    if (result.status !== 'loaded') throw new Error(`${file}: ${result.message}`);
  }
  server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);
});

afterAll(async () => {
  await server?.stop();
  await graph?.close();
});

/** The inspection's finding (or enforcement action) whose text starts with `start`, with its context. */
async function contextOf(
  inspection: string,
  start: string,
  sentences: number,
  list: 'findings' | 'enforcementActions' = 'findings',
): Promise<Marked[] | null> {
  const items =
    list === 'findings'
      ? `findings(first: 200) { nodes { text source { context(sentences: $n) { position text } } } }`
      : `enforcementActions { text source { context(sentences: $n) { position text } } }`;
  const data = await askGraphQL<{
    inspection: { findings?: { nodes: Sourced[] }; enforcementActions?: Sourced[] };
  }>(server.url, `query($id: ID!, $n: Int) { inspection(id: $id) { ${items} } }`, {
    id: inspection,
    n: sentences,
  });
  const found = (
    data.inspection.findings?.nodes ??
    data.inspection.enforcementActions ??
    []
  ).filter((item) => item.text.startsWith(start));
  expect(found, `one item starting ${start}`).toHaveLength(1);
  return found[0]!.source.context;
}

const before = (text: string): Marked => ({ position: 'BEFORE', text });
const self = (text: string): Marked => ({ position: 'SELF', text });
const after = (text: string): Marked => ({ position: 'AFTER', text });

describe('source { context }', () => {
  it('gives a PDF finding its own two sentences and their neighbours, up to 3 each side', async () => {
    const passports = 'Some people, where appropriate had hospital passports in place.';
    const own = [
      self('- Some people, where appropriate had hospital passports in place.'),
      self(
        "A hospital passport is a communication document used by people with learning disabilities to help healthcare professionals understand about people's health needs and other important information about the person.",
      ),
    ];
    expect(await contextOf(ARRETA, passports, 0)).toEqual(own);
    expect(await contextOf(ARRETA, passports, 1)).toEqual([
      before(
        'These included community learning disability nurses and district nurses, occupational therapists and speech and language therapists.',
      ),
      ...own,
      after('Ensuring consent to care and treatment in line with law and guidance'),
    ]);
    expect(await contextOf(ARRETA, passports, 3)).toEqual([
      before(
        '- People had access to health care as and when needed and were supported to maintain their health and well-being.',
      ),
      before(
        '- Health professionals had been consulted to ensure people were supported in the most appropriate way.',
      ),
      before(
        'These included community learning disability nurses and district nurses, occupational therapists and speech and language therapists.',
      ),
      ...own,
      after('Ensuring consent to care and treatment in line with law and guidance'),
      after(
        'The Mental Capacity Act 2005 (MCA) provides a legal framework for making particular decisions on behalf of people who may lack the mental capacity to do so for themselves.',
      ),
      after(
        'The MCA requires that, as far as possible, people make their own decisions and are helped to do so when needed.',
      ),
    ]);
  });

  it('gives a text report finding the heading before it and the paragraph after', async () => {
    expect(await contextOf(OFSTED_SEED, 'Leaders and managers have not brought about', 1)).toEqual([
      before('Overall experiences and progress of children and young people: inadequate'),
      self(
        'Leaders and managers have not brought about the required changes to improve the quality of care.',
      ),
      self(
        'Breaches in regulation identified at this inspection are repeated from previous inspections.',
      ),
      after('The process for moving children into and on from the home is inadequate.'),
    ]);
  });

  it('gives an enforcement action its sentences, stopping at the end of the report', async () => {
    expect(
      await contextOf(CQC_SEED, 'As a result of the concerns', 2, 'enforcementActions'),
    ).toEqual([
      before('Parents and carers spoke highly of individual staff who had supported them.'),
      before(
        'Staff advised them and their families on how to lead healthier lives, supported them to make decisions about their care, and had access to good information.',
      ),
      self(
        'As a result of the concerns we identified we issued the provider with 2 Warning Notices under Section 29 of the Health and Social Care Act 2008.',
      ),
      self(
        'The provider had failed to comply with the relevant requirements of the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014.',
      ),
      self(
        'We require the provider to make the necessary improvements and be compliant with the regulation by 24 November 2023.',
      ),
      after('You can see full details of the regulations not being met at the end of this report.'),
    ]);
  });

  it('keeps a CQC API finding to the commentary it was read from', async () => {
    // The quality statement "Independence, choice and control": its finding is read from its
    // first evidence category's commentary (the pointer); the other categories are not neighbours.
    expect(
      await contextOf(TREETOPS, 'People told us they were supported to make choices.', 3),
    ).toEqual([
      self('People told us they were supported to make choices.'),
      self('In relation to food, one person told us, "There is always a choice."'),
      self(
        'Another person told us it was their "personal choice" about what activities they took part in at the service.',
      ),
      self('Another person told us, "I can get out when I want to."'),
    ]);
  });

  it('refuses a sentences count out of range with one BAD_USER_INPUT line', async () => {
    for (const n of [4, -1]) {
      const response = await postGraphQL(
        server.url,
        `query($id: ID!, $n: Int) { inspection(id: $id) { enforcementActions { source { context(sentences: $n) { text } } } } }`,
        { id: CQC_SEED, n },
      );
      expect(response.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['BAD_USER_INPUT', `sentences must be 0 to 3 (the graph keeps 3 on each side), got ${n}.`],
      ]);
    }
  });
});
