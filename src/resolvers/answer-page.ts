/** Paging of the cross-report questions: GraphQL's first/after in, a connection out. */
import type { GraphQLResolveInfo } from 'graphql';
import { toPage, type AnswerPage, type PageArgs } from '../graph/page.ts';
import { toConnection, type Connection } from './connection.ts';
import { selectsTotalCount } from './selection.ts';
import { pageArgs } from './support.ts';

/**
 * Runs `ask` for the page `first`/`after` names (one row past it, so the connection knows
 * whether another follows), counting the whole answer only when totalCount is selected.
 */
export async function answerAsConnection<Row>(
  args: { first?: number | null; after?: string | null },
  info: GraphQLResolveInfo,
  fallback: number,
  ask: (page: PageArgs) => Promise<AnswerPage<Row>>,
): Promise<Connection<Row>> {
  const request = pageArgs(args, fallback);
  const answer = await ask({
    skip: request.skip,
    first: request.limit + 1,
    withTotal: selectsTotalCount(info),
  });
  return toConnection(toPage(answer.rows, request, answer.totalCount));
}
