import type { LocalAuthority } from '../../../reference/local-authorities.ts';
import {
  findLocalAuthority,
  findLocalAuthorityInText,
} from '../ofsted-la-common/local-authority.ts';

/**
 * Where each era's title names the LA:
 * "Inspection of Sutton local authority children's services" (ILACS 2019 on),
 * "Barnsley / Inspection of children's social care services" (ILACS 2018-19, name above),
 * "Norfolk County Council / Inspection of services for children in need…" (SIF, name above),
 * "Inspection of looked after children services / Norfolk County Council" (LAC, name below).
 */
const NAME_PATTERNS: readonly RegExp[] = [
  /\binspection of (?:the )?(.{2,80}?) (?:local authority )?children's services\b/i,
  /^(?:\d{1,3} )?(.{2,80}?) (?:re-?)?inspection of (?:children's social care services|local authority children's services|services for children)\b/i,
  /\binspection of looked after children(?:'s)? services (.{2,80}?) inspection dates?\b/i,
];

export interface TitleAuthority {
  authority: LocalAuthority | null;
  /** What the title calls the LA, for the warning when the catalogue does not know it. */
  printedName: string | null;
}

/**
 * The LA a report is about: the name its title gives, resolved through the catalogue; failing
 * that, the first catalogue name in the title zone.
 */
export function readTitleAuthority(titleZone: string): TitleAuthority {
  let printedName: string | null = null;
  for (const pattern of NAME_PATTERNS) {
    const name = pattern.exec(titleZone)?.[1]?.trim();
    if (!name) continue;
    printedName ??= name;
    const authority = findLocalAuthority(name);
    if (authority) return { authority, printedName: name };
  }
  return { authority: findLocalAuthorityInText(titleZone), printedName };
}
