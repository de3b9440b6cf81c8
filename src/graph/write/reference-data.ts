/**
 * Reference nodes every graph has: the regulators, and (from seed/reference) the legislation,
 * regulations and theme taxonomy with the regulation-to-theme links. MERGE on keys, so running
 * it at every start is cheap and changes nothing once loaded; a heading corrected in the
 * catalogue is corrected in the graph at the next start.
 */
import { createHash } from 'node:crypto';
import { bumpReferenceVersion } from '../summaries/graph-version.ts';
import { readLegislationCatalogue } from '../../reference/legislation-catalogue.ts';
import { readThemeTaxonomy } from '../../reference/theme-taxonomy.ts';
import type { Database } from '../../db/executor.ts';
import { defineStatement } from '../../db/query.ts';

const REGULATORS = [
  { code: 'OFSTED', name: "Office for Standards in Education, Children's Services and Skills" },
  { code: 'CQC', name: 'Care Quality Commission' },
];

export const mergeRegulators = defineStatement<{ regulators: typeof REGULATORS }>(
  'reference.merge-regulators',
  'UNWIND $regulators AS r MERGE (n:Regulator {code: r.code}) SET n.name = r.name',
);

export const mergeLegislation = defineStatement<{ legislation: object[] }>(
  'reference.merge-legislation',
  `UNWIND $legislation AS x
   MERGE (n:Legislation {id: x.id})
   SET n.title = x.title, n.shortTitle = x.shortTitle, n.year = x.year, n.kind = x.kind, n.url = x.url,
       n.aliases = x.aliases, n.sources = x.sources`,
);

export const mergeRegulations = defineStatement<{ regulations: object[] }>(
  'reference.merge-regulations',
  `UNWIND $regulations AS x
   MATCH (leg:Legislation {id: x.legislation})
   MERGE (n:Regulation {id: x.id})
   SET n.number = x.number, n.heading = x.heading, n.status = x.status, n.sources = x.sources,
       n.part = x.part, n.subject = x.subject, n.note = x.note
   MERGE (n)-[:PART_OF]->(leg)`,
);

export const mergeThemes = defineStatement<{ themes: object[]; coverage: object[] }>(
  'reference.merge-themes',
  `UNWIND $themes AS x
   MERGE (n:Theme {id: x.id})
   SET n.label = x.label, n.definition = x.definition, n.cues = x.cues, n.weakCues = x.weakCues
   WITH count(*) AS themes
   UNWIND $coverage AS c
   MATCH (g:Regulation {id: c.regulation}), (t:Theme {id: c.theme})
   MERGE (g)-[:COVERS]->(t)`,
);

/** What the graph records (GraphState.referenceHash) once this reference data is loaded. */
export function hashReferenceData(
  catalogue = readLegislationCatalogue(),
  taxonomy = readThemeTaxonomy(),
): string {
  return createHash('sha256')
    .update(JSON.stringify([REGULATORS, catalogue, taxonomy]))
    .digest('hex');
}

export async function loadReferenceData(db: Database): Promise<void> {
  const catalogue = readLegislationCatalogue();
  const taxonomy = readThemeTaxonomy();
  await db.writeTransaction(async (tx) => {
    await tx.run(mergeRegulators, { regulators: REGULATORS });
    await tx.run(mergeLegislation, { legislation: [...catalogue.legislation] });
    await tx.run(mergeRegulations, { regulations: [...catalogue.regulations] });
    await tx.run(mergeThemes, { themes: [...taxonomy.themes], coverage: [...taxonomy.coverage] });
    await tx.run(bumpReferenceVersion, { hash: hashReferenceData(catalogue, taxonomy) });
  });
}
