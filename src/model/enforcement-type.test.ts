import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readTypeDefs } from '../server/type-defs.ts';
import {
  ENFORCEMENT_TYPES,
  fromEnforcementTypeName,
  isEnforcementType,
  toEnforcementTypeName,
} from './enforcement-type.ts';

describe('enforcement type names', () => {
  it('maps every stored type to a name of its own and back', () => {
    const names = ENFORCEMENT_TYPES.map(toEnforcementTypeName);
    expect(new Set(names).size).toBe(ENFORCEMENT_TYPES.length);
    for (const type of ENFORCEMENT_TYPES)
      expect(fromEnforcementTypeName(toEnforcementTypeName(type))).toBe(type);
    expect(toEnforcementTypeName('compliance-notice')).toBe('COMPLIANCE_NOTICE');
    expect(toEnforcementTypeName('restriction')).toBe('RESTRICTION');
  });

  // The compiler checks that the schema's names are all known here; this checks the other way,
  // so a stored type is never read into a name the API cannot send.
  it('has exactly the names of the schema enum EnforcementType', () => {
    const type = buildSchema(readTypeDefs()).getType('EnforcementType');
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values.sort()).toEqual(ENFORCEMENT_TYPES.map(toEnforcementTypeName).sort());
  });

  it('recognises only the stored values', () => {
    expect(isEnforcementType('warning-notice')).toBe(true);
    expect(isEnforcementType('WARNING_NOTICE')).toBe(false);
    expect(isEnforcementType('banana')).toBe(false);
    expect(isEnforcementType('toString')).toBe(false);
  });
});
