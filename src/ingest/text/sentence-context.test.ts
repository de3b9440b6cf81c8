import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../model/document.ts';
import { sliceContext } from '../../model/source-context.ts';
import {
  buildSourceContext,
  compactContext,
  findSpanEnd,
  resolvePointer,
} from './sentence-context.ts';

const TEXT = [
  'Safe',
  '',
  'Staff knew people well. Medicines were stored safely. Records were not',
  'always complete. The manager had an action plan. Audits were done monthly.',
  '',
  'Effective',
  '',
  'People ate well. Staff were trained.',
].join('\n');

/** A document holding only the items the context is built for. */
function documentWith(
  findings: { id: string; text: string; offset: number; pointer?: string }[],
): ReportDocument {
  return {
    findings: findings.map((f) => ({
      id: f.id,
      text: f.text,
      position: { offset: f.offset, line: 1, ...(f.pointer ? { pointer: f.pointer } : {}) },
    })),
    requirements: [],
    recommendations: [],
    enforcement: [],
  } as unknown as ReportDocument;
}

describe('sentence context', () => {
  it('finds where an item ends across the line breaks of the text', () => {
    const offset = TEXT.indexOf('Records were');
    expect(TEXT.slice(offset, findSpanEnd(TEXT, offset, 'Records were not always complete.'))).toBe(
      'Records were not\nalways complete.',
    );
  });

  it('passes over a bullet mark the item leaves out', () => {
    const text = 'Intro.\n\n- Some had ‘passports’. A passport helps.\n\nNext.';
    const offset = text.indexOf('- Some');
    expect(
      text.slice(offset, findSpanEnd(text, offset, "Some had 'passports'. A passport helps.")),
    ).toBe('- Some had ‘passports’. A passport helps.');
  });

  it('marks the sentences before, of and after an item, headings counting as sentences', () => {
    const doc = documentWith([
      { id: 'f1', text: 'Records were not always complete.', offset: TEXT.indexOf('Records') },
    ]);
    const context = buildSourceContext(doc, TEXT);
    const window = context.windows.f1!;
    expect(sliceContext(context.sentences, window, 1)).toEqual([
      { position: 'BEFORE', text: 'Medicines were stored safely.' },
      { position: 'SELF', text: 'Records were not always complete.' },
      { position: 'AFTER', text: 'The manager had an action plan.' },
    ]);
    expect(sliceContext(context.sentences, window, 3)).toEqual([
      { position: 'BEFORE', text: 'Safe' },
      { position: 'BEFORE', text: 'Staff knew people well.' },
      { position: 'BEFORE', text: 'Medicines were stored safely.' },
      { position: 'SELF', text: 'Records were not always complete.' },
      { position: 'AFTER', text: 'The manager had an action plan.' },
      { position: 'AFTER', text: 'Audits were done monthly.' },
      { position: 'AFTER', text: 'Effective' },
    ]);
    expect(sliceContext(context.sentences, window, 0)).toEqual([
      { position: 'SELF', text: 'Records were not always complete.' },
    ]);
    // Only what some item can ask for is kept: the last two sentences are too far.
    expect(context.sentences).toHaveLength(7);
  });

  it('gives every sentence an item spans as its own, and stops at the ends of the text', () => {
    const doc = documentWith([
      {
        id: 'f2',
        text: 'People ate well. Staff were trained.',
        offset: TEXT.indexOf('People ate'),
      },
    ]);
    const context = buildSourceContext(doc, TEXT);
    expect(sliceContext(context.sentences, context.windows.f2!, 2)).toEqual([
      { position: 'BEFORE', text: 'Audits were done monthly.' },
      { position: 'BEFORE', text: 'Effective' },
      { position: 'SELF', text: 'People ate well.' },
      { position: 'SELF', text: 'Staff were trained.' },
    ]);
  });

  it('keeps a sentence near two items once', () => {
    const doc = documentWith([
      { id: 'a', text: 'Staff knew people well.', offset: TEXT.indexOf('Staff knew') },
      { id: 'b', text: 'Medicines were stored safely.', offset: TEXT.indexOf('Medicines') },
    ]);
    const context = buildSourceContext(doc, TEXT);
    expect(new Set(context.sentences).size).toBe(context.sentences.length);
    expect(sliceContext(context.sentences, context.windows.b!, 1)).toEqual([
      { position: 'BEFORE', text: 'Staff knew people well.' },
      { position: 'SELF', text: 'Medicines were stored safely.' },
      { position: 'AFTER', text: 'Records were not always complete.' },
    ]);
  });

  it('reads a record item’s neighbours from its own string only', () => {
    const record = {
      assessment: [
        { commentary: 'First part. “Second” part.\nThird part.' },
        { commentary: 'Elsewhere.' },
      ],
    };
    const text = JSON.stringify(record);
    const doc = documentWith([
      { id: 'r', text: '"Second" part.', offset: 0, pointer: '/assessment/0/commentary' },
      { id: 'all', text: 'Elsewhere.', offset: 0, pointer: '/assessment/1/commentary' },
    ]);
    const context = buildSourceContext(doc, text);
    expect(sliceContext(context.sentences, context.windows.r!, 3)).toEqual([
      { position: 'BEFORE', text: 'First part.' },
      { position: 'SELF', text: '"Second" part.' },
      { position: 'AFTER', text: 'Third part.' },
    ]);
    expect(sliceContext(context.sentences, context.windows.all!, 3)).toEqual([
      { position: 'SELF', text: 'Elsewhere.' },
    ]);
  });

  it('resolves JSON pointers with escaped tokens', () => {
    expect(resolvePointer({ 'a/b': { '~c': ['x', 'y'] } }, '/a~1b/~0c/1')).toBe('y');
    expect(resolvePointer({ a: 1 }, '/a/b')).toBeUndefined();
  });

  it('renumbers windows when it drops sentences no window covers', () => {
    const compact = compactContext(
      ['s0', 's1', 's2', 's3', 's4', 's5'],
      new Map([['x', [3, 4, 4, 5] as [number, number, number, number]]]),
    );
    expect(compact).toEqual({ sentences: ['s3', 's4', 's5'], windows: { x: [0, 1, 1, 2] } });
  });
});
