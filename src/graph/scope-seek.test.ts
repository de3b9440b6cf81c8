import { describe, expect, it } from 'vitest';
import { buildPerSeek, chooseScopeSeek, nameWithSeek, seekScope } from './scope-seek.ts';

describe('chooseScopeSeek', () => {
  it('seeks the most selective filter set', () => {
    expect(chooseScopeSeek({})).toBeNull();
    expect(chooseScopeSeek({ region: 'London', localAuthority: 'Camden', providerId: 'p' })).toBe(
      'local-authority',
    );
    expect(chooseScopeSeek({ region: 'London', providerId: 'p' })).toBe('provider');
    expect(chooseScopeSeek({ providerId: 'p', providerGroupId: 'g' })).toBe('provider');
    expect(
      chooseScopeSeek({
        region: 'London',
        providerGroupId: 'g',
        from: '2020-01-01',
        to: '2020-12-31',
      }),
    ).toBe('provider-group');
    expect(chooseScopeSeek({ localAuthority: 'Camden', providerGroupId: 'g' })).toBe(
      'local-authority',
    );
    expect(chooseScopeSeek({ region: 'London', from: '2020-01-01', to: '2020-12-31' })).toBe(
      'window',
    );
    expect(chooseScopeSeek({ region: 'London' })).toBe('region');
  });

  it('seeks only a closed window of at most 400 days', () => {
    expect(chooseScopeSeek({ from: '2019-03-15', to: '2020-04-18' })).toBe('window');
    expect(chooseScopeSeek({ from: '2019-03-15', to: '2020-04-19' })).toBeNull();
    expect(chooseScopeSeek({ from: '2019-03-15' })).toBeNull();
    expect(chooseScopeSeek({ to: '2019-03-15', region: 'London' })).toBe('region');
  });
});

describe('seekScope', () => {
  it('binds the seek variable alone, or nothing', () => {
    expect(seekScope(null, '$f.')).toBe('');
    expect(seekScope('region', '$')).toBe('MATCH (l:Location) WHERE l.region = $region WITH l');
    expect(seekScope('window', '$f.')).toMatch(
      /USING INDEX i:Inspection\(startDate\)[\s\S]*WITH i$/,
    );
  });

  it('names and builds one query per seek and one without', () => {
    expect(nameWithSeek('q', null)).toBe('q');
    expect(nameWithSeek('q', 'provider')).toBe('q.seek-provider');
    const built = buildPerSeek((seek) => nameWithSeek('q', seek));
    expect(built.all).toEqual([
      'q',
      'q.seek-local-authority',
      'q.seek-provider',
      'q.seek-provider-group',
      'q.seek-window',
      'q.seek-region',
    ]);
    expect(built.pick('window')).toBe('q.seek-window');
    expect(built.pick(null)).toBe('q');
  });
});
