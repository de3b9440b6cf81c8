/** The pages' GraphQL client: POST to the API on the page's own origin. */
import { createPostGraphql, type PostGraphql } from '../panels/post-graphql.ts';

export function createPagePost(graphqlPath: string): PostGraphql {
  return createPostGraphql(graphqlPath, (url, init) =>
    fetch(url, { ...init, credentials: 'same-origin' }),
  );
}
