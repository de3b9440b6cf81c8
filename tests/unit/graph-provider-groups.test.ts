/** planProviderGroups: connected components over SAME_AS and shared-location links. */
import { describe, expect, it } from 'vitest';
import { planProviderGroups } from '../../src/graph/write/group-providers.ts';

const member = (id: string, locations: number, name = id) => ({ id, name, locations });

describe('planProviderGroups', () => {
  it('joins chains of links, ids from the smallest member, names from the member running most', () => {
    const groups = planProviderGroups(
      [
        member('ofsted-provider:b', 1, 'B Ltd'),
        member('cqc-provider:1', 5, 'B Limited'),
        member('ofsted-provider:c', 2, 'C Ltd'),
        member('ofsted-provider:alone', 3),
      ],
      [
        // SAME_AS between the CQC and Ofsted spellings, then a home both B and C run.
        { a: 'cqc-provider:1', b: 'ofsted-provider:b' },
        { a: 'ofsted-provider:b', b: 'ofsted-provider:c' },
      ],
    );
    expect(groups).toEqual([
      {
        id: 'provider-group:cqc-provider:1',
        name: 'B Limited',
        members: ['cqc-provider:1', 'ofsted-provider:b', 'ofsted-provider:c'],
      },
      {
        id: 'provider-group:ofsted-provider:alone',
        name: 'ofsted-provider:alone',
        members: ['ofsted-provider:alone'],
      },
    ]);
  });

  it('ignores a link to a provider it was not given', () => {
    expect(planProviderGroups([member('a', 0)], [{ a: 'a', b: 'z' }])).toEqual([
      { id: 'provider-group:a', name: 'a', members: ['a'] },
    ]);
  });
});
