import type { HealthResolvers } from '../generated/resolvers-types.ts';
import { holdsSyntheticData } from '../graph/synthetic-data.ts';

/** Asked only when selected, so the health check itself stays one trivial query. */
export const Health: HealthResolvers = {
  syntheticData: (_parent, _args, context) => holdsSyntheticData(context.db),
};
