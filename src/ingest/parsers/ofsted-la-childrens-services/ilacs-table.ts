import type { TableLabel } from '../ofsted-la-common/grade-table.ts';

/**
 * Rows of the ILACS judgement table. Until 2023 children in care and care leavers shared one
 * judgement; since then care leavers have their own, so both wordings are rows here and a report
 * has one or the other.
 */
export const ILACS_TABLE_LABELS: readonly TableLabel[] = [
  {
    key: 'leaders',
    wordings: [
      'The impact of leaders on social work practice with children and families',
      'Impact of leaders on social work practice with children and families',
    ],
  },
  {
    key: 'help',
    wordings: [
      'The experiences and progress of children who need help and protection',
      'Experiences and progress of children who need help and protection',
    ],
  },
  {
    key: 'care',
    wordings: [
      'The experiences and progress of children in care and care leavers',
      'Experiences and progress of children in care and care leavers',
      'The experiences and progress of children in care',
      'Experiences and progress of children in care',
    ],
  },
  {
    key: 'leavers',
    // "children care leavers" is a slip in Sutton's 2025 report, kept so its table still reads.
    wordings: [
      'The experiences and progress of care leavers',
      'Experiences and progress of care leavers',
      'The experiences and progress of children care leavers',
    ],
  },
  { key: 'overall', wordings: ['Overall effectiveness'] },
];

/** The row key ("help", "leavers"…) of a judgement area as printed in a table or heading, or null. */
export function readIlacsAreaKey(area: string): string | null {
  const wanted = area.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
  const row = ILACS_TABLE_LABELS.find((label) =>
    label.wordings.some((w) => w.toLowerCase().replace(/^the /, '') === wanted),
  );
  return row?.key ?? null;
}
