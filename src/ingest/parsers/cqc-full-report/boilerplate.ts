/**
 * Standard wording every CQC report of a kind prints, whatever it found: what a key question
 * means, the Mental Capacity Act and Accessible Information Standard explanations, pointers to
 * other parts of the report. It says nothing about the service, so it is no finding.
 */

/**
 * Standard openings. `sentence`: the standard wording is one sentence, and what follows it in the
 * same paragraph (when a PDF extraction ran two paragraphs together) is the report's own text.
 * `paragraph`: the whole paragraph is standard.
 */
const BOILERPLATE: ReadonlyArray<readonly [RegExp, 'sentence' | 'paragraph']> = [
  [/^our findings\b/i, 'sentence'],
  [
    /^(?:safe|effective|caring|responsive|well-led)\s*[–—-]\s*this means we looked for evidence\b/i,
    'sentence',
  ],
  [/^details are in our [\w-]+ findings below\b/i, 'sentence'],
  [
    /^the service was (?:not )?(?:always )?(?:safe|effective|caring|responsive|well-led)\.?$/i,
    'paragraph',
  ],
  [/^we always ask the following five questions of services\b/i, 'sentence'],
  [/^the mental capacity act 2005 \(mca\) provides a legal framework\b/i, 'paragraph'],
  [/^people can only be deprived of their liberty\b/i, 'paragraph'],
  [/^we checked whether the service was working within the principles of the mca\b/i, 'paragraph'],
  [
    /^when people receive care and treatment in their own homes an application must be made to the court of protection\b/i,
    'paragraph',
  ],
  [
    /^in care homes, and some hospitals, this is usually through mca application procedures\b/i,
    'paragraph',
  ],
  [
    /^since 2016 all organisations that provide publicly funded adult social care are legally required to follow the accessible information standard\b/i,
    'paragraph',
  ],
  [/^the accessible information standard tells organisations\b/i, 'paragraph'],
  [
    /^we expect health and social care providers to guarantee people with a learning disability\b/i,
    'paragraph',
  ],
  [/^'?right support, right care, right culture'? is the guidance cqc follows\b/i, 'paragraph'],
  [/^for more details, please see the full report\b/i, 'paragraph'],
  [/^you can read the report from our last\b/i, 'paragraph'],
  [/^we will continue to monitor information we receive about the service\b/i, 'paragraph'],
  [
    /^the table below shows (?:where regulations were not being met|why we have decided to take enforcement action)\b/i,
    'paragraph',
  ],
];

/** The first sentence of a text: up to a full stop followed by a capital, or all of it. */
function splitFirstSentence(text: string): [string, string] {
  const m = /^.*?[.!?]["')\]]*\s+(?=[A-Z"'(])/.exec(text);
  return m ? [m[0], text.slice(m[0].length)] : [text, ''];
}

/**
 * The report's own text in a paragraph, with standard wording taken off: '' when the whole
 * paragraph is standard, the rest when only its opening sentence is; `removed` counts the
 * characters taken off the front.
 */
export function stripBoilerplate(text: string): { text: string; removed: number } {
  let rest = text;
  for (;;) {
    const match = BOILERPLATE.find(([pattern]) => pattern.test(rest));
    if (!match) return { text: rest, removed: text.length - rest.length };
    if (match[1] === 'paragraph') return { text: '', removed: text.length };
    const [, after] = splitFirstSentence(rest);
    if (after === rest || after.trim() === '') return { text: '', removed: text.length };
    rest = after.trimStart();
  }
}
