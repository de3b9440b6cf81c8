/**
 * Builds seed/reference/legislation.json from the shared research notes (shared/reference/*.json)
 * and the legislation text in the shared corpus. Run it again when those sources change:
 *
 *   npx tsx scripts/build-reference.ts [path/to/shared]
 *
 * The output is committed data: nothing at runtime reads the shared folder. Every heading keeps
 * the status its source gives it; a heading the notes mark unconfirmed stays null unless the
 * corpus text names it, and then its status says `taken-from-text`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Status = 'confirmed' | 'confirmed-secondary' | 'taken-from-text' | 'unconfirmed';

interface LegislationOut {
  id: string;
  title: string;
  shortTitle: string;
  year: number;
  kind: 'act' | 'regulations';
  url: string;
  aliases: string[];
  sources: string[];
}

interface RegulationOut {
  id: string;
  legislation: string;
  number: string;
  heading: string | null;
  status: Status;
  sources: string[];
  part?: string;
  subject?: string;
  note?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedRoot = path.resolve(process.argv[2] ?? '/work/shared');
const CHR_TEXT = 'corpus/regulations/childrens_homes_england_regulations_2015.txt';
const RA_2010_EXCERPT =
  'corpus/reports/excerpts/cqc_trust-RXN_lancashire-teaching_2014-11-14_excerpt.txt';

function readShared(relative: string): string {
  return readFileSync(path.join(sharedRoot, relative), 'utf8');
}

function readSharedJson(relative: string): JsonObject {
  return asObject(JSON.parse(readShared(relative)) as Json, relative);
}

function asObject(value: Json | undefined, where: string): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: expected an object`);
  }
  return value;
}

function asArray(value: Json | undefined, where: string): Json[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected an array`);
  return value;
}

function optionalString(value: Json | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function requiredString(value: Json | undefined, where: string): string {
  const s = optionalString(value);
  if (s === null) throw new Error(`${where}: expected a string`);
  return s;
}

/** `sources` (array) and `source` (string, possibly several URLs in prose) of a notes entry. */
function collectSources(entry: JsonObject): string[] {
  const found: string[] = [];
  const sources = entry['sources'];
  if (Array.isArray(sources)) for (const s of sources) if (typeof s === 'string') found.push(s);
  const source = entry['source'];
  if (typeof source === 'string') found.push(...extractUrls(source));
  return unique(found);
}

function extractUrls(prose: string): string[] {
  return prose.match(/https?:\/\/[^\s;,)]+/g) ?? [];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * The notes write statuses as prose ("confirmed (as made)", "heading unconfirmed; subject
 * confirmed"); only the part about the heading matters here.
 */
function mapStatus(raw: string | null, heading: string | null): Status {
  if (heading === null) return 'unconfirmed';
  const s = (raw ?? '').toLowerCase();
  if (s.startsWith('confirmed_secondary') || s.startsWith('secondary'))
    return 'confirmed-secondary';
  if (s.startsWith('confirmed')) return 'confirmed';
  return 'unconfirmed';
}

/** Regulation text of the Children's Homes (England) Regulations 2015: number → part, body. */
interface ChrTextEntry {
  part: string;
  body: string;
}

/**
 * The text, split by regulation. `crossReferenceText` leaves out regulations that amend other
 * instruments: their cross-references ("regulation 2(1) (interpretation)") name regulations of
 * those instruments, not of these Regulations.
 */
function readChrText(): { crossReferenceText: string; entries: Map<string, ChrTextEntry> } {
  const text = readShared(CHR_TEXT);
  const entries = new Map<string, ChrTextEntry>();
  let part = '';
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const partMatch = /^PART (\d+) —/.exec(line);
    if (partMatch) {
      part = partMatch[1]!;
      current = null;
      continue;
    }
    const regMatch = /^Regulation (\d+[A-Z]?)$/.exec(line.trim());
    if (regMatch) {
      current = regMatch[1]!;
      entries.set(current, { part, body: '' });
      continue;
    }
    if (/^SCHEDULE/.test(line)) current = null;
    if (current !== null) {
      const entry = entries.get(current)!;
      entry.body += `${line}\n`;
    }
  }
  let crossReferenceText = text;
  for (const entry of entries.values()) {
    if (/are amended as follows/.test(entry.body))
      crossReferenceText = crossReferenceText.replace(entry.body, '');
  }
  return { crossReferenceText, entries };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether the legislation text names regulation `number` with `heading`, as a cross-reference
 * "regulation 22 (contact and access to communications)" or a list item "other records (see
 * regulation 37)". List labels run into the text ("jother records"), hence the optional letters.
 */
function textNamesHeading(text: string, number: string, heading: string): boolean {
  const h = escapeRegExp(heading.replace(/[’‘]/g, "'").toLowerCase()).replace(/'/g, "['’]");
  const paragraphs = String.raw`(?:\(\w+\))*`;
  const crossRef = new RegExp(String.raw`regulations? ${number}${paragraphs} \(${h}\)`, 'i');
  const seeRef = new RegExp(
    String.raw`(?:^|[;—:\n])\s*(?:[a-z]|[ivx]+)?${h} \(see regulations? ${number}${paragraphs}\)`,
    'im',
  );
  return crossRef.test(text) || seeRef.test(text);
}

/**
 * What reading the corpus text showed about candidate headings the notes could not confirm.
 * Kept as notes beside the entry so a reviewer sees why the heading stays null.
 */
const CHR_TEXT_NOTES: Readonly<Record<string, string>> = {
  '25': 'The corpus text of this regulation is about fire precautions (consultation with the fire and rescue authority, fire equipment, means of escape); the candidate heading "Fitness of premises" in the notes does not fit it.',
  '30': 'The corpus text of this regulation says that where there is more than one registered person a requirement need only be done by one of them; the candidate heading "Notification of offences" in the notes fits the text of regulation 42 instead.',
  '42': 'The corpus text of this regulation requires notice to HMCI when a registered person is convicted of a criminal offence.',
  '47': 'The corpus text of this regulation is about the financial viability of the home and its financial records.',
};

function buildChr2015(): RegulationOut[] {
  const notes = readSharedJson('reference/chr2015.json');
  const { crossReferenceText: text, entries } = readChrText();
  const out: RegulationOut[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of asArray(notes['regulations'], 'chr2015.regulations').entries()) {
    const entry = asObject(raw, `chr2015.regulations[${i}]`);
    const number = requiredString(entry['regulation'], `chr2015.regulations[${i}].regulation`);
    let heading = optionalString(entry['heading']);
    let status = mapStatus(optionalString(entry['status']), heading);
    const sources = collectSources(entry);
    const candidate = optionalString(entry['heading_candidate_unconfirmed']);
    if (heading === null && candidate !== null && textNamesHeading(text, number, candidate)) {
      heading = candidate;
      status = 'taken-from-text';
      sources.push(CHR_TEXT);
    } else if (heading !== null && textNamesHeading(text, number, heading)) {
      sources.push(CHR_TEXT);
    }
    const textEntry = entries.get(number);
    const part = optionalString(entry['part']) ?? textEntry?.part ?? null;
    if (textEntry && part !== null && textEntry.part !== part) {
      console.warn(
        `CHR2015 ${number}: notes say part ${part}, the text says part ${textEntry.part}`,
      );
    }
    const subject = optionalString(entry['subject_matter']);
    const note = CHR_TEXT_NOTES[number] ?? null;
    // The text is the only source for a note read from it, and for an entry the notes left bare.
    if (note !== null || sources.length === 0) sources.push(CHR_TEXT);
    out.push(regulation('CHR2015', number, heading, status, unique(sources), part, subject, note));
    seen.add(number);
  }
  // The text has regulations the notes never reached (amendments, revocations, review).
  for (const [number, textEntry] of entries) {
    if (seen.has(number)) continue;
    out.push(
      regulation(
        'CHR2015',
        number,
        null,
        'unconfirmed',
        [CHR_TEXT],
        textEntry.part,
        null,
        'Present in the corpus legislation text; its heading is not printed there and no other source was found.',
      ),
    );
  }
  return out;
}

function buildHscaRa2014(): RegulationOut[] {
  const notes = readSharedJson('reference/hsca2014.json');
  const out: RegulationOut[] = [];
  // Regulation 3 appears only in the structure notes: Part 2 "regulations": "3 (Prescribed activities)".
  for (const [i, raw] of asArray(notes['structure'], 'hsca2014.structure').entries()) {
    const part = asObject(raw, `hsca2014.structure[${i}]`);
    const single = /^(\d+) \(([^)]+)\)$/.exec(optionalString(part['regulations']) ?? '');
    if (single) {
      out.push(
        regulation(
          'HSCA-RA-2014',
          single[1]!,
          single[2]!,
          mapStatus(optionalString(part['status']), single[2]!),
          collectSources(part),
          requiredString(part['part'], 'hsca2014.structure.part'),
          null,
          null,
        ),
      );
    }
  }
  for (const [i, raw] of asArray(notes['regulations'], 'hsca2014.regulations').entries()) {
    const entry = asObject(raw, `hsca2014.regulations[${i}]`);
    const number = requiredString(entry['regulation'], `hsca2014.regulations[${i}].regulation`);
    const heading = optionalString(entry['heading']);
    out.push(
      regulation(
        'HSCA-RA-2014',
        number,
        heading,
        mapStatus(optionalString(entry['status']), heading),
        collectSources(entry),
        optionalString(entry['part']),
        null,
        null,
      ),
    );
  }
  return out;
}

function buildCqcRegistration2009(): RegulationOut[] {
  const notes = readSharedJson('reference/cqc-registration-2009.json');
  return asArray(notes['regulations'], 'cqc-registration-2009.regulations').map((raw, i) => {
    const entry = asObject(raw, `cqc-registration-2009.regulations[${i}]`);
    const number = requiredString(
      entry['regulation'],
      `cqc-registration-2009.regulations[${i}].regulation`,
    );
    const heading = optionalString(entry['heading']);
    return regulation(
      'CQC-REG-2009',
      number,
      heading,
      mapStatus(optionalString(entry['status']), heading),
      collectSources(entry),
      optionalString(entry['part']),
      null,
      null,
    );
  });
}

function buildCareStandardsAct(): RegulationOut[] {
  const vocab = readSharedJson('reference/vocabularies.json');
  const act = asObject(vocab['care_standards_act_2000'], 'care_standards_act_2000');
  const actSources = unique([...collectSources(act)]);
  return asArray(act['sections'], 'care_standards_act_2000.sections').map((raw, i) => {
    const entry = asObject(raw, `care_standards_act_2000.sections[${i}]`);
    const number = requiredString(
      entry['section'],
      `care_standards_act_2000.sections[${i}].section`,
    );
    const heading = optionalString(entry['heading']);
    const own = collectSources(entry);
    return regulation(
      'CSA2000',
      number,
      heading,
      mapStatus(optionalString(entry['status']), heading),
      own.length > 0 ? own : actSources,
      null,
      optionalString(entry['subject']),
      optionalString(entry['note']),
    );
  });
}

/**
 * Sections of the Health and Social Care Act 2008: the headings the notes list as confirmed,
 * then every section an enforcement action names as its legal basis ("Health and Social Care Act
 * 2008 s29"), with the action as the subject when no heading was seen.
 */
function buildHsca2008(): RegulationOut[] {
  const vocab = readSharedJson('reference/vocabularies.json');
  const cqc = asObject(vocab['cqc_enforcement'], 'cqc_enforcement');
  const confirmed = asObject(cqc['hsca_2008_sections_confirmed'], 'hsca_2008_sections_confirmed');
  const listSources = extractUrls(optionalString(confirmed['source']) ?? '');
  const byNumber = new Map<string, RegulationOut>();
  for (const [number, value] of Object.entries(confirmed)) {
    if (number === 'source' || typeof value !== 'string') continue;
    // "Urgent procedure for cancellation (per Explanatory Notes heading)": an Explanatory Notes
    // heading is not the Act's own heading, so it counts as secondary.
    const secondary = /\(per Explanatory Notes heading\)/.exec(value);
    const heading = value.replace(/\s*\(per Explanatory Notes heading\)/, '').trim();
    byNumber.set(
      number,
      regulation(
        'HSCA2008',
        number,
        heading,
        secondary ? 'confirmed-secondary' : 'confirmed',
        listSources,
        null,
        null,
        secondary ? 'Heading taken from the Explanatory Notes, not from the Act itself.' : null,
      ),
    );
  }
  for (const [i, raw] of asArray(cqc['actions'], 'cqc_enforcement.actions').entries()) {
    const action = asObject(raw, `cqc_enforcement.actions[${i}]`);
    const basis = optionalString(action['legal_basis']);
    const m = basis
      ? /Health and Social Care Act 2008 s(\d+[A-Z]?)(?: '([^']+)')?/.exec(basis)
      : null;
    if (!m) continue;
    const number = m[1]!;
    const sources = collectSources(action);
    const existing = byNumber.get(number);
    if (existing) {
      existing.sources = unique([...existing.sources, ...sources]);
      continue;
    }
    const heading = m[2] ?? null;
    byNumber.set(
      number,
      regulation(
        'HSCA2008',
        number,
        heading,
        mapStatus(optionalString(action['status']), heading),
        sources,
        null,
        requiredString(action['term'], `cqc_enforcement.actions[${i}].term`),
        null,
      ),
    );
  }
  return [...byNumber.values()];
}

/**
 * The 2010 Regulated Activities Regulations appear in the corpus only as citations in an older
 * CQC report ("Regulation 22 HSCA 2008 (Regulated Activities) Regulations 2010 Staffing."). A
 * regulator's report quoting the heading is a secondary source for it.
 */
function buildHscaRa2010(): RegulationOut[] {
  const excerpt = readShared(RA_2010_EXCERPT);
  const out = new Map<string, RegulationOut>();
  const pattern =
    /Regulation (\d+[A-Z]?) HSCA 2008 \(Regulated Activities\) Regulations 2010 ([A-Z][^.]+)\./g;
  for (const m of excerpt.matchAll(pattern)) {
    const number = m[1]!;
    const heading = m[2]!.trim();
    out.set(
      number,
      regulation(
        'HSCA-RA-2010',
        number,
        heading,
        'confirmed-secondary',
        [RA_2010_EXCERPT],
        null,
        null,
        'Heading as quoted in a CQC quality report (2014); not checked against the legislation text.',
      ),
    );
  }
  return [...out.values()];
}

function regulation(
  legislation: string,
  number: string,
  heading: string | null,
  status: Status,
  sources: string[],
  part: string | null,
  subject: string | null,
  note: string | null,
): RegulationOut {
  const out: RegulationOut = {
    id: `${legislation}:${number}`,
    legislation,
    number,
    heading,
    status,
    sources,
  };
  if (part !== null) out.part = part;
  if (subject !== null) out.subject = subject;
  if (note !== null) out.note = note;
  return out;
}

function compareNumbers(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  return na !== nb ? na - nb : a.localeCompare(b);
}

function buildLegislation(): LegislationOut[] {
  const chr = asObject(
    readSharedJson('reference/chr2015.json')['instrument'],
    'chr2015.instrument',
  );
  const ra14 = asObject(
    readSharedJson('reference/hsca2014.json')['instrument'],
    'hsca2014.instrument',
  );
  const reg09 = asObject(
    readSharedJson('reference/cqc-registration-2009.json')['instrument'],
    'cqc-registration-2009.instrument',
  );
  const vocab = readSharedJson('reference/vocabularies.json');
  const csa = asObject(vocab['care_standards_act_2000'], 'care_standards_act_2000');
  return [
    {
      id: 'CHR2015',
      title: requiredString(chr['title'], 'chr2015.title'),
      shortTitle: "Children's Homes (England) Regulations 2015",
      year: 2015,
      kind: 'regulations',
      url: requiredString(chr['url'], 'chr2015.url'),
      aliases: [
        "Children's Homes (England) Regulations 2015",
        "Children's Homes Regulations 2015",
        'CHR 2015',
      ],
      sources: collectSources(chr),
    },
    {
      id: 'HSCA-RA-2014',
      title: requiredString(ra14['title'], 'hsca2014.title'),
      shortTitle: 'HSCA RA Regulations 2014',
      year: 2014,
      kind: 'regulations',
      url: requiredString(ra14['url'], 'hsca2014.url'),
      aliases: [
        'Health and Social Care Act 2008 (Regulated Activities) Regulations 2014',
        'Health and Social Care Act (Regulated Activities) Regulations 2014',
        'HSCA 2008 (Regulated Activities) Regulations 2014',
        'HSCA (Regulated Activities) Regulations 2014',
        'HSCA RA Regulations 2014',
        'HSCA (RA) Regulations 2014',
        'Regulated Activities Regulations 2014',
      ],
      sources: collectSources(ra14),
    },
    {
      id: 'HSCA-RA-2010',
      title: 'The Health and Social Care Act 2008 (Regulated Activities) Regulations 2010',
      shortTitle: 'HSCA RA Regulations 2010',
      year: 2010,
      kind: 'regulations',
      url: 'https://www.legislation.gov.uk/uksi/2010/781/contents',
      aliases: [
        'Health and Social Care Act 2008 (Regulated Activities) Regulations 2010',
        'HSCA 2008 (Regulated Activities) Regulations 2010',
        'HSCA (Regulated Activities) Regulations 2010',
        'HSCA RA Regulations 2010',
        'HSCA (RA) Regulations 2010',
        'Regulated Activities Regulations 2010',
      ],
      sources: [RA_2010_EXCERPT],
    },
    {
      id: 'CQC-REG-2009',
      title: requiredString(reg09['title'], 'cqc-registration-2009.title'),
      shortTitle: 'CQC (Registration) Regulations 2009',
      year: 2009,
      kind: 'regulations',
      url: requiredString(reg09['url'], 'cqc-registration-2009.url'),
      aliases: [
        'Care Quality Commission (Registration) Regulations 2009',
        'CQC (Registration) Regulations 2009',
        '(Registration) Regulations 2009',
        'Registration Regulations 2009',
      ],
      sources: collectSources(reg09),
    },
    {
      id: 'CSA2000',
      title: 'Care Standards Act 2000',
      shortTitle: 'Care Standards Act 2000',
      year: 2000,
      kind: 'act',
      url: requiredString(csa['url'], 'care_standards_act_2000.url'),
      aliases: ['Care Standards Act 2000', 'CSA 2000'],
      sources: collectSources(csa),
    },
    {
      id: 'HSCA2008',
      title: 'Health and Social Care Act 2008',
      shortTitle: 'Health and Social Care Act 2008',
      year: 2008,
      kind: 'act',
      url: 'https://www.legislation.gov.uk/ukpga/2008/14/contents',
      aliases: ['Health and Social Care Act 2008', 'HSCA 2008'],
      sources: ['https://fontfastergrid.pages.dev/831176.html'],
    },
  ];
}

function main(): void {
  const regulations = [
    ...buildChr2015(),
    ...buildHscaRa2014(),
    ...buildHscaRa2010(),
    ...buildCqcRegistration2009(),
    ...buildCareStandardsAct(),
    ...buildHsca2008(),
  ];
  const order = ['CHR2015', 'HSCA-RA-2014', 'HSCA-RA-2010', 'CQC-REG-2009', 'CSA2000', 'HSCA2008'];
  regulations.sort(
    (a, b) =>
      order.indexOf(a.legislation) - order.indexOf(b.legislation) ||
      compareNumbers(a.number, b.number),
  );
  const catalogue = {
    description:
      'Legislation and its regulations (or, for Acts, sections). Built by scripts/build-reference.ts from the shared research notes and the corpus legislation text; edit the sources and rebuild, or edit entries here by hand and keep the statuses honest.',
    statusLegend: {
      confirmed: 'heading seen in legislation.gov.uk material or an official regulator page',
      'confirmed-secondary':
        'subject confirmed; heading text from a secondary source (guide mirror, provider procedure, a regulator report quoting it, Explanatory Notes)',
      'taken-from-text':
        'the notes had only an unconfirmed candidate; the legislation text in the corpus names the regulation with that heading',
      unconfirmed:
        'heading not seen in any source: heading is null; subject (when present) says what the text is about',
    },
    sourcePaths:
      'Sources that are not URLs are paths inside the shared corpus folder the catalogue was built from.',
    legislation: buildLegislation(),
    regulations,
  };
  const target = path.join(projectRoot, 'seed/reference/legislation.json');
  writeFileSync(target, `${JSON.stringify(catalogue, null, 2)}\n`);
  const counts = order
    .map((id) => `${id} ${regulations.filter((r) => r.legislation === id).length}`)
    .join(', ');
  console.log(`wrote ${path.relative(projectRoot, target)}: ${counts}`);
}

main();
