/**
 * /reports/:sha256#L<line>: the passages the graph holds from one report file (findings,
 * requirements, recommendations, enforcement) in the order of its text, each at its line; the
 * line in the URL is highlighted and scrolled to. The graph keeps these passages, not the whole
 * file, so this is the report as the graph read it.
 */
import type { PostGraphql } from '../panels/post-graphql.ts';
import { h } from './dom.ts';

const OPERATION = `query ReportPassagesPage($sha256: ID!) {
  report(sha256: $sha256) {
    sha256 fileName format family parser ingestedAt
    passages { kind id text line offset }
  }
}`;

interface ReportNode {
  sha256: string;
  fileName: string;
  format: string;
  family: string;
  parser: string;
  ingestedAt: string | null;
  passages: { kind: string; id: string; text: string; line: number; offset: number }[];
}

export async function renderReportPage(
  root: HTMLElement,
  post: PostGraphql,
  sha256: string,
): Promise<void> {
  const { report } = await post<{ report: ReportNode | null }>(OPERATION, { sha256 });
  if (!report) {
    root.replaceChildren(h('p', { class: 'error', role: 'alert' }, `No report ${sha256}.`));
    return;
  }
  document.title = `${report.fileName} · Inspection Graph`;
  const seenLines = new Set<number>();
  root.replaceChildren(
    h('h1', {}, report.fileName),
    h(
      'p',
      { class: 'muted' },
      `${report.family}, ${report.format}, read by ${report.parser}; sha256 ${report.sha256}. `,
      'The passages the graph holds from this file, at their lines.',
    ),
    h(
      'ol',
      { class: 'passages' },
      report.passages.map((passage) => {
        // The first passage on a line carries the line's anchor.
        const anchor = seenLines.has(passage.line) ? null : `L${passage.line}`;
        seenLines.add(passage.line);
        return h(
          'li',
          {
            id: anchor,
            class: 'passage',
            'data-line': String(passage.line),
            'data-id': passage.id,
          },
          h('span', { class: 'line' }, `line ${passage.line}`),
          h('span', { class: 'kind' }, passage.kind.toLowerCase()),
          h('span', { class: 'text' }, passage.text),
        );
      }),
    ),
  );
  // The anchor exists only now: scroll to it and let :target highlight it.
  if (location.hash) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) {
      location.replace(location.hash);
      target.scrollIntoView({ block: 'center' });
    }
  }
}
