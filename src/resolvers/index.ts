import type { Resolvers } from '../generated/resolvers-types.ts';
import { health } from './health.ts';

export const resolvers: Resolvers = {
  Query: { health },
};
