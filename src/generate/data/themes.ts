/**
 * The theme ids of seed/reference/themes.json the generator writes about, and where an Ofsted
 * report discusses each: the judgement section a paragraph on that theme sits under.
 */

export type ThemeId =
  | 'safeguarding'
  | 'missing-from-care'
  | 'medication'
  | 'health-and-wellbeing'
  | 'restraint-and-behaviour'
  | 'governance'
  | 'staffing'
  | 'care-planning'
  | 'records'
  | 'partnership-working'
  | 'voice-and-complaints'
  | 'premises-and-safety'
  | 'infection-control'
  | 'access-and-timeliness'
  | 'education-and-achievement'
  | 'dignity-and-rights';

export const OVERALL_AREA = 'Overall experiences and progress of children and young people';
export const PROTECTION_AREA = 'How well children and young people are helped and protected';
export const LEADERSHIP_AREA = 'The effectiveness of leaders and managers';

export type OfstedArea = typeof OVERALL_AREA | typeof PROTECTION_AREA | typeof LEADERSHIP_AREA;

export const OFSTED_AREAS: readonly OfstedArea[] = [OVERALL_AREA, PROTECTION_AREA, LEADERSHIP_AREA];

/** Section of an Ofsted report for each theme it writes about; themes not listed are CQC-only. */
export const OFSTED_AREA_OF_THEME: Readonly<Partial<Record<ThemeId, OfstedArea>>> = {
  'care-planning': OVERALL_AREA,
  'education-and-achievement': OVERALL_AREA,
  'health-and-wellbeing': OVERALL_AREA,
  'voice-and-complaints': OVERALL_AREA,
  'dignity-and-rights': OVERALL_AREA,
  'partnership-working': OVERALL_AREA,
  'premises-and-safety': OVERALL_AREA,
  safeguarding: PROTECTION_AREA,
  'missing-from-care': PROTECTION_AREA,
  medication: PROTECTION_AREA,
  'restraint-and-behaviour': PROTECTION_AREA,
  governance: LEADERSHIP_AREA,
  staffing: LEADERSHIP_AREA,
  records: LEADERSHIP_AREA,
};
