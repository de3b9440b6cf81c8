import type { HeadingRule } from '../ofsted-la-common/outline.ts';

/**
 * Headings of a focused-visit letter. The opening (salutation, title, who visited and what they
 * looked at) is read separately; the findings are under "Overview" / "Headline findings" and
 * "Findings" / "Main findings", the improvement items under "What needs to improve in this area
 * of social work practice" (and "Areas for priority action" in letters to struggling LAs).
 */
export const FOCUSED_VISIT_HEADINGS: readonly HeadingRule[] = [
  { pattern: /^dear\b.{0,80}$/i, role: 'skip', name: 'Introduction' },
  { pattern: /^overview$/i, role: 'narrative' },
  { pattern: /^headline findings$/i, role: 'narrative' },
  {
    pattern: /^what needs to improve in this area of social work practice\s*\??:?$/i,
    role: 'concern',
    name: 'What needs to improve in this area of social work practice',
  },
  {
    pattern: /^what needs to improve\s*\??:?$/i,
    role: 'concern',
    name: 'What needs to improve in this area of social work practice',
  },
  { pattern: /^areas for priority action:?$/i, role: 'concern' },
  { pattern: /^(?:main )?findings$/i, role: 'narrative' },
  {
    pattern: /^ofsted will take the findings from this focused visit into account\b/i,
    role: 'stop',
  },
  // "Your sincerely" is a slip in two 2021 letters.
  { pattern: /^yours? sincerely,?$/i, role: 'stop' },
];
