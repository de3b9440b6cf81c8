/**
 * Rows of the 2023 snapshot of each local authority's latest ILACS inspection (Ofsted LA
 * management information): the inspection, keyed as the LA children's services report parser
 * keys it (`la:<URN>:<start date>:full`; its "Inspection date" is the first day on site), with the
 * overall and sub-judgements. The LA is found by its ONS code in the reference catalogue, else by
 * name. Report values always win: these only fill gaps.
 */
import { readLocalAuthorities, type LocalAuthority } from '../../../reference/local-authorities.ts';
import { buildInspectionId } from '../../parsers/ids.ts';
import {
  buildLaLocationId,
  findLocalAuthority,
} from '../../parsers/ofsted-la-common/local-authority.ts';
import { parseSlashDate } from '../../text/dates.ts';
import { readGrade } from '../../text/grades.ts';
import type { JudgementFacts, MappedRow } from '../../../model/data-record.ts';
import { emptyRecord } from '../../../model/data-record.ts';
import type { TableRow } from '../table.ts';

export const OFSTED_LA_ILACS_COLUMNS = [
  'Local authority name',
  'new_la_code',
  'Inspection date',
  'Overall effectiveness',
] as const;

/** Columns → the areas (and order) the ILACS report parser gives its judgements. */
const LEADERS = [
  'Impact of leaders',
  'The impact of leaders on social work practice with children and families',
] as const;
const HELP = [
  'Experiences and progress of children who need help and protection',
  'The experiences and progress of children who need help and protection',
] as const;
const IN_CARE = [
  'Experiences and progress of children in care',
  'The experiences and progress of children in care',
] as const;
const CARE_LEAVERS = [
  'Experiences and progress of care leavers',
  'The experiences and progress of care leavers',
] as const;
/** Before the 2023 framework children in care and care leavers had one judgement. */
const IN_CARE_AND_LEAVERS = 'The experiences and progress of children in care and care leavers';
const OVERALL = ['Overall effectiveness', 'Overall effectiveness'] as const;

function readJudgements(row: TableRow): JudgementFacts[] {
  const columns: (readonly [string, string])[] =
    row.get(CARE_LEAVERS[0]) === ''
      ? [LEADERS, HELP, [IN_CARE[0], IN_CARE_AND_LEAVERS], OVERALL]
      : [LEADERS, HELP, IN_CARE, CARE_LEAVERS, OVERALL];
  return columns
    .filter(([column]) => row.get(column) !== '')
    .map(([column, area]) => ({
      area,
      grade: readGrade(row.get(column)),
      gradeText: row.get(column),
    }));
}

let byOnsCode: Map<string, LocalAuthority> | null = null;

function findByOnsCode(code: string): LocalAuthority | null {
  byOnsCode ??= new Map(
    readLocalAuthorities()
      .filter((la) => la.onsCode)
      .map((la) => [la.onsCode!, la]),
  );
  return byOnsCode.get(code) ?? null;
}

export function mapOfstedLaIlacsRow(row: TableRow): MappedRow {
  const name = row.get('Local authority name');
  const la = findByOnsCode(row.get('new_la_code')) ?? (name ? findLocalAuthority(name) : null);
  if (!la)
    return {
      ok: false,
      message: `local authority "${name.slice(0, 40)}" (${row.get('new_la_code')}) is not in the reference catalogue`,
    };
  const dateText = row.get('Inspection date');
  const startDate = parseSlashDate(dateText);
  if (!startDate)
    return {
      ok: false,
      message: `inspection date "${dateText.slice(0, 20)}" is not a valid dd/mm/yyyy date`,
    };
  const locationId = buildLaLocationId(la.urn);
  const overall = row.get('Overall effectiveness');
  const record = emptyRecord(row.line);
  record.locations.push({
    id: locationId,
    regulator: 'OFSTED',
    props: { urn: la.urn, name: la.name, type: 'Local authority area' },
  });
  record.inspections.push({
    id: buildInspectionId(locationId, startDate, 'full'),
    locationId,
    regulator: 'OFSTED',
    type: 'full',
    startDate,
    publishedOn: null,
    overallGrade: overall ? readGrade(overall) : null,
    overallGradeText: overall || null,
    props: {},
    judgements: readJudgements(row),
  });
  return { ok: true, record };
}
