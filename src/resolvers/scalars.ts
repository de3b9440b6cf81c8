/** Date (YYYY-MM-DD) and DateTime (ISO 8601) scalars, checked on input. */
import { GraphQLScalarType, Kind } from 'graphql';
import { formatIsoDate } from '../ingest/text/dates.ts';
import { badInput } from './support.ts';

function parseIsoDate(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match || !formatIsoDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw badInput(
      `Date must be a real calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}.`,
    );
  }
  return value as string;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date as ISO 8601 YYYY-MM-DD.',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parseIsoDate,
  parseLiteral: (ast) => parseIsoDate(ast.kind === Kind.STRING ? ast.value : null),
});

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'A point in time as ISO 8601.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      throw badInput(`DateTime must be ISO 8601, got ${JSON.stringify(value)}.`);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value)))
      throw badInput('DateTime must be an ISO 8601 string.');
    return ast.value;
  },
});
