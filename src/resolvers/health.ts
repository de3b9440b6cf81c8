import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { checkHealth } from '../graph/health.ts';

export const health: QueryResolvers['health'] = (_parent, _args, context) =>
  checkHealth(context.db);
