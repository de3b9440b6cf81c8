/**
 * /locations/:id: the location and its provider, the timeline of inspections with grades and
 * direction, requirements with due dates and whether the next inspection found them met
 * (Requirement.followUp), enforcement, and the findings with their themes, each linked to its
 * sentence in the source report.
 */
import { sourcePath } from '../insights-config.ts';
import type { PostGraphql } from '../panels/post-graphql.ts';
import { SYNTHETIC_LOCATION_NOTICE } from '../synthetic-notice.ts';
import { h } from './dom.ts';

export const LOCATION_PAGE_OPERATION = `query LocationProfilePage($id: ID!) {
  location(id: $id) {
    id name urn cqcId type region localAuthority address regulators synthetic
    provider { id name address }
    inspections(first: 50) {
      nodes {
        id startDate type regulator overallGrade overallGradeText ratingDirection ratingDirectionSource hasReport
        requirements {
          id text dueDate complianceNotice
          regulation { id heading }
          followUp { met nextInspection { id startDate } }
          source { line report { sha256 fileName } }
        }
        enforcementActions {
          id type legalBasis issuedOn complyBy text
          regulation { id }
          source { line report { sha256 fileName } }
        }
      }
    }
  }
}`;

/** Findings are read one inspection at a time: with the rest in one request they cost too much. */
export const INSPECTION_FINDINGS_OPERATION = `query LocationProfileFindings($id: ID!) {
  inspection(id: $id) {
    findings(first: 100) {
      totalCount
      nodes {
        id text polarity section boilerplate
        themes { theme { id label } }
        source { line report { sha256 fileName } }
      }
    }
  }
}`;

interface Source {
  line: number;
  report: { sha256: string; fileName: string } | null;
}
interface RequirementNode {
  id: string;
  text: string;
  dueDate: string | null;
  complianceNotice: boolean;
  regulation: { id: string; heading: string | null } | null;
  followUp: {
    met: boolean | null;
    nextInspection: { id: string; startDate: string | null };
  } | null;
  source: Source;
}
interface EnforcementNode {
  id: string;
  type: string;
  legalBasis: string | null;
  issuedOn: string | null;
  complyBy: string | null;
  text: string;
  regulation: { id: string } | null;
  source: Source;
}
interface FindingNode {
  id: string;
  text: string;
  polarity: string;
  section: string;
  boilerplate: boolean;
  themes: { theme: { id: string; label: string } }[];
  source: Source;
}
interface InspectionNode {
  id: string;
  startDate: string | null;
  type: string;
  regulator: string | null;
  overallGrade: string | null;
  overallGradeText: string | null;
  ratingDirection: string | null;
  ratingDirectionSource: string | null;
  hasReport: boolean;
  requirements: RequirementNode[];
  enforcementActions: EnforcementNode[];
}

interface FindingPage {
  totalCount: number;
  nodes: FindingNode[];
}
interface LocationNode {
  id: string;
  name: string | null;
  urn: string | null;
  cqcId: string | null;
  type: string | null;
  region: string | null;
  localAuthority: string | null;
  address: string | null;
  regulators: string[];
  synthetic: boolean;
  provider: { id: string; name: string | null; address: string | null } | null;
  inspections: { nodes: InspectionNode[] };
}

const DIRECTION_SIGNS: Record<string, string> = { UP: '▲ up', DOWN: '▼ down', SAME: '► same' };

function sourceLink(source: Source): Element | string {
  if (!source.report) return '';
  return h(
    'a',
    { class: 'source', href: sourcePath(source.report.sha256, source.line) },
    `${source.report.fileName}:${source.line}`,
  );
}

function metText(followUp: RequirementNode['followUp']): string {
  if (!followUp) return 'no later inspection yet';
  const at = followUp.nextInspection.startDate ?? followUp.nextInspection.id;
  if (followUp.met === true) return `met (${at})`;
  if (followUp.met === false) return `not met: required again (${at})`;
  return `cannot tell (${at}: no report)`;
}

/** The heading of an inspection's findings: how many, and what is not listed. */
function describeFindings(inspection: InspectionNode, page: FindingPage): string {
  const boilerplate = page.nodes.filter((finding) => finding.boilerplate).length;
  const unread = page.totalCount - page.nodes.length;
  const left = [
    boilerplate > 0 ? `${boilerplate} of the regulator's standard text not listed` : '',
    unread > 0 ? `${unread} more not shown` : '',
  ].filter(Boolean);
  return `${inspection.startDate ?? inspection.id}: ${page.totalCount} findings${left.length ? ` (${left.join('; ')})` : ''}`;
}

function table(headers: string[], rows: (Element | string)[][], className: string): Element {
  return h(
    'table',
    { class: className },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((header) => h('th', {}, header)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((cells) =>
        h(
          'tr',
          {},
          cells.map((cell) => h('td', {}, cell)),
        ),
      ),
    ),
  );
}

function describeLocation(location: LocationNode): Element {
  const facts: [string, string | null][] = [
    ['Id', location.id],
    ['URN', location.urn],
    ['CQC id', location.cqcId],
    ['Type', location.type],
    ['Address', location.address],
    ['Region', location.region],
    ['Local authority', location.localAuthority],
    ['Regulators', location.regulators.join(', ') || null],
    [
      'Provider',
      location.provider
        ? `${location.provider.name ?? location.provider.id} (${location.provider.id})`
        : null,
    ],
  ];
  return h(
    'dl',
    { class: 'facts' },
    facts
      .filter(([, value]) => value !== null)
      .flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]),
  );
}

export async function renderLocationPage(
  root: HTMLElement,
  post: PostGraphql,
  locationId: string,
): Promise<void> {
  const data = await post<{ location: LocationNode | null }>(LOCATION_PAGE_OPERATION, {
    id: locationId,
  });
  const location = data.location;
  if (!location) {
    root.replaceChildren(h('p', { class: 'error', role: 'alert' }, `No location ${locationId}.`));
    return;
  }
  document.title = `${location.name ?? location.id} · Inspection Graph`;
  // The API lists newest first; a timeline reads oldest first.
  const inspections = [...location.inspections.nodes].reverse();
  const findings = await Promise.all(
    inspections.map(async (inspection): Promise<FindingPage> => {
      if (!inspection.hasReport) return { totalCount: 0, nodes: [] };
      const answer = await post<{ inspection: { findings: FindingPage } | null }>(
        INSPECTION_FINDINGS_OPERATION,
        { id: inspection.id },
      );
      return answer.inspection?.findings ?? { totalCount: 0, nodes: [] };
    }),
  );
  const requirements = inspections.flatMap((inspection) =>
    inspection.requirements.map((requirement) => ({ inspection, requirement })),
  );
  const actions = inspections.flatMap((inspection) =>
    inspection.enforcementActions.map((action) => ({ inspection, action })),
  );
  root.replaceChildren(
    h('h1', {}, location.name ?? location.id),
    ...(location.synthetic
      ? [h('p', { class: 'synthetic-location', role: 'note' }, SYNTHETIC_LOCATION_NOTICE)]
      : []),
    describeLocation(location),
    h('h2', {}, 'Inspections'),
    table(
      ['Date', 'Type', 'Regulator', 'Grade', 'Direction', 'Report'],
      inspections.map((inspection) => [
        inspection.startDate ?? '',
        inspection.type,
        inspection.regulator ?? '',
        inspection.overallGradeText ?? inspection.overallGrade ?? '',
        inspection.ratingDirection
          ? `${DIRECTION_SIGNS[inspection.ratingDirection] ?? inspection.ratingDirection}${
              inspection.ratingDirectionSource
                ? ` (${inspection.ratingDirectionSource.toLowerCase()})`
                : ''
            }`
          : '',
        inspection.hasReport ? 'in the graph' : 'listed in a later report',
      ]),
      'timeline',
    ),
    h('h2', {}, 'Requirements'),
    requirements.length === 0
      ? h('p', { class: 'muted' }, 'None.')
      : table(
          ['Inspection', 'Regulation', 'Requirement', 'Due', 'At the next inspection', 'Source'],
          requirements.map(({ inspection, requirement }) => [
            inspection.startDate ?? '',
            requirement.regulation?.id ?? '',
            requirement.text,
            requirement.dueDate ?? '',
            metText(requirement.followUp),
            sourceLink(requirement.source),
          ]),
          'requirements',
        ),
    h('h2', {}, 'Enforcement'),
    actions.length === 0
      ? h('p', { class: 'muted' }, 'None.')
      : table(
          ['Inspection', 'Type', 'Regulation', 'Issued', 'Comply by', 'Text', 'Source'],
          actions.map(({ inspection, action }) => [
            inspection.startDate ?? '',
            action.type,
            action.regulation?.id ?? '',
            action.issuedOn ?? '',
            action.complyBy ?? '',
            action.text,
            sourceLink(action.source),
          ]),
          'enforcement',
        ),
    h('h2', {}, 'Findings'),
    ...inspections
      .map((inspection, index) => ({ inspection, page: findings[index]! }))
      .filter(({ page }) => page.totalCount > 0)
      .map(({ inspection, page }) =>
        h(
          'section',
          { class: 'findings' },
          h('h3', {}, describeFindings(inspection, page)),
          h(
            'ul',
            {},
            page.nodes
              .filter((finding) => !finding.boilerplate)
              .map((finding) =>
                h(
                  'li',
                  {
                    class: `finding ${finding.polarity.toLowerCase()}`,
                    'data-finding': finding.id,
                  },
                  h('span', { class: 'polarity' }, finding.polarity.toLowerCase()),
                  ' ',
                  finding.text,
                  ' ',
                  finding.themes.map((tag) => h('span', { class: 'theme' }, tag.theme.label)),
                  ' ',
                  sourceLink(finding.source),
                ),
              ),
          ),
        ),
      ),
  );
}
