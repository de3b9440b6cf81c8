/**
 * What the insights pages say when the graph holds generated (synthetic) reports: `health {
 * syntheticData }` is true, as after `npm start` with the seed's generated sample. Pure: the
 * browser bundles and the tests share the operation and the words.
 */
import type { PostGraphql } from './panels/post-graphql.ts';

export const SYNTHETIC_FLAG_OPERATION = `query InsightsSyntheticFlag {
  health { syntheticData }
}`;

export const SYNTHETIC_NOTICE =
  'This graph includes generated (synthetic) sample data beside the real reports: figures and charts here count both. Generated locations are marked as such on their profiles; the API’s synthetic: false filter leaves them out.';

export const SYNTHETIC_LOCATION_NOTICE =
  'Generated (synthetic) location: only generated sample reports describe it; no regulator published them.';

export async function readSyntheticFlag(post: PostGraphql): Promise<boolean> {
  const data = await post<{ health: { syntheticData: boolean } }>(SYNTHETIC_FLAG_OPERATION, {});
  return data.health.syntheticData;
}
