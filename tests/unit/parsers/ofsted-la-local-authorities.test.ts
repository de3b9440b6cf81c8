/**
 * seed/reference/local-authorities.json, built from the shared corpus's Ofsted LA URN lookup: the
 * catalogue the LA parsers map printed names through.
 */
import { describe, expect, it } from 'vitest';
import {
  findLocalAuthority,
  normaliseAuthorityName,
} from '../../../src/ingest/parsers/ofsted-la-common/local-authority.ts';
import {
  parseLocalAuthorities,
  readLocalAuthorities,
} from '../../../src/reference/local-authorities.ts';

const place = { file: 'test.json', at: '' };

describe('the local authority catalogue', () => {
  const all = readLocalAuthorities();

  it('holds every LA of the lookup, keyed by a unique Ofsted URN, with region and codes', () => {
    expect(all).toHaveLength(156);
    expect(new Set(all.map((la) => la.urn)).size).toBe(156);
    expect(all.find((la) => la.urn === '80418')).toEqual({
      urn: '80418',
      name: 'Norfolk',
      onsName: 'Norfolk',
      aliases: [],
      laCode: '926',
      onsCode: 'E10000020',
      region: 'East of England',
      type: 'County',
    });
    expect(all.every((la) => la.region !== null)).toBe(true);
  });

  it('gives no two LAs the same name once council words are stripped', () => {
    const keys = new Map<string, string>();
    for (const la of all) {
      for (const name of [la.name, ...la.aliases]) {
        const key = normaliseAuthorityName(name);
        const other = keys.get(key);
        expect(other === undefined || other === la.urn, `${name} also names ${other}`).toBe(true);
        keys.set(key, la.urn);
      }
    }
  });

  it('maps every catalogue name and alias back to its own LA', () => {
    for (const la of all)
      for (const name of [la.name, ...la.aliases])
        expect(findLocalAuthority(name)?.urn, name).toBe(la.urn);
  });

  it('rejects a malformed catalogue with a message naming the entry', () => {
    expect(() =>
      parseLocalAuthorities({ localAuthorities: [{ urn: 'SC1', name: 'X' }] }, place),
    ).toThrow(/localAuthorities\[0\] \(SC1\)\.urn: an LA URN is 5 to 8 digits/);
    expect(() =>
      parseLocalAuthorities(
        {
          localAuthorities: [
            { urn: '80418', name: 'A' },
            { urn: '80418', name: 'B' },
          ],
        },
        place,
      ),
    ).toThrow(/duplicate urn 80418/);
  });
});
