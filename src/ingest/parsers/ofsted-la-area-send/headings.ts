import type { HeadingRule } from '../ofsted-la-common/outline.ts';

/**
 * Each area for improvement is a paragraph naming who must act ("Leaders should…", "The
 * partnership should…"), set in a table without bullets, so that is where an item starts.
 */
const ACTOR =
  /^(?:the |local |area |partnership |strategic |senior |all )*(?:local area partnership|area partnership|partnership|leaders|partners)\b/i;

/** Headings of the joint Ofsted/CQC area SEND report (2023 framework). */
export const AREA_SEND_HEADINGS: readonly HeadingRule[] = [
  { pattern: /^inspection outcome$/i, role: 'skip' },
  { pattern: /^information about the local area partnership$/i, role: 'skip' },
  {
    pattern: /^what is it like to be a child or young person with send in this area\??$/i,
    role: 'narrative',
  },
  {
    pattern: /^what is the (?:local )?area partnership doing that is effective\??$/i,
    role: 'strength',
  },
  { pattern: /^what does the (?:local )?area partnership need to do better\??$/i, role: 'concern' },
  {
    pattern: /^areas? for improvement:?$/i,
    role: 'concern',
    name: 'Areas for improvement',
    itemStart: ACTOR,
  },
  { pattern: /^areas for priority action:?$/i, role: 'concern', itemStart: ACTOR },
  { pattern: /^local area partnership details$/i, role: 'skip' },
  { pattern: /^information about this inspection$/i, role: 'skip' },
  { pattern: /^inspection team$/i, role: 'skip' },
  { pattern: /^if you are not happy with the inspection or the report/i, role: 'stop' },
  {
    pattern:
      /^the office for standards in education, children's services and skills \(ofsted\) regulates/i,
    role: 'stop',
  },
];
