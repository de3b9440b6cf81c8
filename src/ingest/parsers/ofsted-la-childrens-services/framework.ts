import type { SourceLine } from '../../text/lines.ts';
import { cleanLine } from '../ofsted-la-common/clean-line.ts';

/**
 * The inspection framework an LA children's services report was written under, from its title:
 * - `ILACS`: inspection of local authority children's services, 2018 on ("Inspection of Sutton
 *   local authority children's services", "Inspection of children's social care services");
 * - `SIF`: the single inspection framework, 2013 to 2018 ("Inspection of services for children in
 *   need of help and protection, children looked after and care leavers", and re-inspections);
 * - `LAC`: the 2012 to 2013 inspection of looked after children services.
 */
export type LaFramework = 'ILACS' | 'SIF' | 'LAC';

const TITLES: ReadonlyArray<readonly [LaFramework, RegExp]> = [
  // "Reinspection of services…" (Somerset, 2018) as well as "Re-inspection".
  ['SIF', /\b(?:re-?)?inspection of services for children in need of help and protection\b/i],
  ['LAC', /\binspection of looked after children(?:'s)? services\b/i],
  ['ILACS', /\binspection of (?:.{1,80} )?children's (?:social care )?services\b/i],
  // An LA whose services a trust runs: "Inspection of Bradford Children and Families Trust" (2026).
  ['ILACS', /\binspection of (?:.{1,80} )?children(?:'s| and families) trust\b/i],
];

/** How many lines from the top the title may start at (a page number or the LA's name come first). */
const TITLE_ZONE_LINES = 25;

/** The first lines with text, joined: where the title and the LA's name are. */
export function readTitleZone(lines: readonly SourceLine[]): string {
  return lines
    .slice(0, 80)
    .map((l) => cleanLine(l))
    .filter((t) => t !== '')
    .slice(0, TITLE_ZONE_LINES)
    .join(' ');
}

export function detectLaFramework(titleZone: string): LaFramework | null {
  return TITLES.find(([, pattern]) => pattern.test(titleZone))?.[0] ?? null;
}
