import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { IntegerRangeError, toPlain, toPlainOwned } from './values.ts';

const { Date: Neo4jDate, DateTime, Node } = neo4j.types;

describe('toPlain', () => {
  it('writes dates exactly as the driver does, whether their parts are Integers or numbers', () => {
    const dates = [
      new Neo4jDate(2024, 3, 1),
      new Neo4jDate(neo4j.int(1999), neo4j.int(12), neo4j.int(31)),
      new Neo4jDate(5, 1, 9),
      new Neo4jDate(neo4j.int(12345), neo4j.int(6), neo4j.int(7)),
      new Neo4jDate(-44, 3, 15),
    ];
    for (const date of dates) expect(toPlain(date)).toBe(date.toString());
    expect(toPlain(new Neo4jDate(neo4j.int(2017), neo4j.int(4), neo4j.int(1)))).toBe('2017-04-01');
  });

  it('converts Integers inside records, maps and lists, and refuses ones a number cannot hold', () => {
    const record = {
      id: 'SC1',
      count: neo4j.int(42),
      nested: [{ n: neo4j.int(-7), at: new Neo4jDate(2020, 2, 29) }, null, undefined],
    };
    expect(toPlain(record)).toEqual({
      id: 'SC1',
      count: 42,
      nested: [{ n: -7, at: '2020-02-29' }, null, null],
    });
    expect(() => toPlain({ big: neo4j.int('9007199254740993') })).toThrow(IntegerRangeError);
    expect(toPlain(9007199254740991n)).toBe(9007199254740991);
    expect(() => toPlain(9007199254740993n)).toThrow(IntegerRangeError);
  });

  it('keeps other temporal values as the driver writes them and nodes as their properties', () => {
    const at = new DateTime(2021, 6, 1, 9, 30, 0, 0, 0);
    expect(toPlain(at)).toBe(at.toString());
    expect(
      toPlain(new Node(neo4j.int(1), ['Location'], { id: 'SC1', beds: neo4j.int(4) })),
    ).toEqual({ id: 'SC1', beds: 4 });
  });

  it('toPlainOwned answers as toPlain does, converting the lists and maps it is given in place', () => {
    const make = () => ({
      id: 'SC1',
      count: neo4j.int(42),
      flag: true,
      gone: undefined,
      node: new Node(neo4j.int(1), ['Location'], { id: 'SC1', beds: neo4j.int(4) }),
      items: [
        { n: neo4j.int(-7), at: new Neo4jDate(2020, 2, 29), tags: ['a', neo4j.int(3), null] },
        null,
        undefined,
        9007199254740991n,
      ],
    });
    const owned = make();
    const converted = toPlainOwned(owned);
    expect(converted).toEqual(toPlain(make()));
    expect(converted).toBe(owned);
    expect(owned.items[0]).toEqual({ n: -7, at: '2020-02-29', tags: ['a', 3, null] });
    expect(() => toPlainOwned({ big: [neo4j.int('9007199254740993')] })).toThrow(IntegerRangeError);
  });
});
