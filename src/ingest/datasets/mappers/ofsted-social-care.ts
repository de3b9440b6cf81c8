/**
 * Rows of Ofsted's social-care provider and in-year inspection exports: each row is a setting
 * (keyed `ofsted:<URN>` like a children's home report) and one inspection event of it, whose id
 * is built exactly as the report parser builds it (`<location>:<inspection date>:<type>`), so the
 * row and the report of the same inspection meet on one Inspection node.
 */
import type { DataRecord, JudgementFacts, MappedRow } from '../../../model/data-record.ts';
import { compactProps, joinAddress } from '../../../model/data-record.ts';
import type { TableRow } from '../table.ts';
import { buildInspectionId, buildOfstedLocationId } from '../../parsers/ids.ts';
import { readInspectionTypeWord } from '../../parsers/ofsted-childrens-home/summary.ts';
import { parseSlashDate } from '../../text/dates.ts';
import { readGrade } from '../../text/grades.ts';

export const OFSTED_SOCIAL_CARE_COLUMNS = [
  'URN',
  'Provision type',
  'Event type',
  'Inspection date',
  'Overall effectiveness',
] as const;

/**
 * Judgement columns as printed, and the areas the children's home report parser names. Since the
 * SCCIF (April 2017) the export puts the three SCCIF judgements under its older column names:
 * overall experiences and progress under "Overall effectiveness", helped and protected under
 * "Safeguarding…", leaders and managers under "Leadership…", with "Outcomes…" and "Quality of care"
 * left empty. A row of that shape is named as the report names its judgements, so the row and its
 * report meet on the same Judgement ids; any other row (an older framework, a secure training
 * centre's five judgements) keeps the printed names.
 */
const SCCIF_START = '2017-04-01';
const SCCIF_AREAS = [
  ['Overall effectiveness', 'Overall experiences and progress of children and young people'],
  [
    'Safeguarding children and young people',
    'How well children and young people are helped and protected',
  ],
  ['Leadership and management', 'The effectiveness of leaders and managers'],
] as const;
const OLDER_ONLY = ['Outcomes for children and young people', 'Quality of care'] as const;
const PRINTED_AREAS = [
  'Overall effectiveness',
  ...OLDER_ONLY,
  'Safeguarding children and young people',
  'Leadership and management',
] as const;

function readJudgements(row: TableRow, startDate: string): JudgementFacts[] {
  const isSccif = startDate >= SCCIF_START && OLDER_ONLY.every((column) => row.get(column) === '');
  const areas: (readonly [string, string])[] = isSccif
    ? [...SCCIF_AREAS]
    : PRINTED_AREAS.map((column) => [column, column] as const);
  return areas
    .map(([column, area]) => readJudgement(area, row.get(column)))
    .filter((j) => j !== null);
}

const URN = /^(?:SC)?\d{5,8}$/i;

/** Children's home names and addresses are published as "REDACTED": no value, not a name. */
function readPublished(text: string): string | null {
  return text === '' || text.toUpperCase() === 'REDACTED' ? null : text;
}

function readPlaces(text: string): number | null {
  return /^\d{1,5}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

function readJudgement(area: string, text: string): JudgementFacts | null {
  return text === '' ? null : { area, grade: readGrade(text), gradeText: text };
}

export function mapOfstedSocialCareRow(row: TableRow): MappedRow {
  const urn = row.get('URN');
  if (!URN.test(urn))
    return { ok: false, message: `URN "${urn.slice(0, 20)}" is not an Ofsted URN` };
  const locationId = buildOfstedLocationId(urn);
  const location = {
    id: locationId,
    regulator: 'OFSTED' as const,
    props: compactProps({
      urn: urn.toUpperCase(),
      name: readPublished(row.get('Name')),
      type: row.get('Provision type'),
      address: joinAddress([
        row.get('Address 1'),
        row.get('Address 2'),
        row.get('Town'),
        row.get('County'),
        row.get('Postcode'),
      ]),
      postcode: readPublished(row.get('Postcode')),
      region: row.get('Ofsted Region'),
      localAuthority: row.get('Local authority'),
      registrationStatus: row.get('Registration status'),
      sector: row.get('Sector'),
      capacity: readPlaces(row.get('Places')),
    }),
  };
  const record: DataRecord = {
    row: row.line,
    locations: [location],
    providers: [],
    inspections: [],
  };
  const eventType = row.get('Event type');
  const dateText = row.get('Inspection date');
  if (eventType === '' && dateText === '') return { ok: true, record };
  const startDate = parseSlashDate(dateText);
  if (!startDate)
    return {
      ok: false,
      message: `inspection date "${dateText.slice(0, 20)}" is not a valid dd/mm/yyyy date`,
    };
  const type = readInspectionTypeWord(eventType);
  const overallText = row.get('Overall effectiveness');
  record.inspections.push({
    id: buildInspectionId(locationId, startDate, type),
    locationId,
    regulator: 'OFSTED',
    type,
    startDate,
    publishedOn: parseSlashDate(row.get('Publication date')),
    overallGrade: overallText ? readGrade(overallText) : null,
    overallGradeText: overallText || null,
    props: compactProps({ eventNumber: row.get('Event number'), eventType }),
    // An interim or monitoring judgement grades the visit as a whole; reports add no Judgement for it.
    judgements: type === 'full' ? readJudgements(row, startDate) : [],
  });
  return { ok: true, record };
}
