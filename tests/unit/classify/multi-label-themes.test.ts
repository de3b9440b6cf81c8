/**
 * A finding carries every theme it is about, and no theme it only mentions in passing. Real
 * sentences from the seed children's home report and the Ofsted local-authority reports of the
 * shared corpus (file and line given), each read against the theme definitions. What the rules
 * give: the learned model on top of them is measured by npm run eval, and on some of these
 * sentences it adds a theme the reading does not (see theme-model.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileCue, findCueMatches } from '../../../src/ingest/classify/cues.ts';
import { tagThemes } from '../../../src/ingest/classify/tag-themes.ts';

function ids(text: string): string[] {
  return tagThemes(text, { rulesOnly: true }).map((t) => t.id);
}

describe('a finding about two things gets both themes', () => {
  it('return home interviews and escalation to agencies (seed 000, line 98)', () => {
    expect(
      ids(
        'Leaders and managers have made no progress since the previous inspection to ensure that children receive an independent return home interview following incidents of missing from home. While leaders and managers request the return home interview, it does not take place, and they fail to escalate this effectively with the relevant agencies. This was a breach in regulation at the previous inspection.',
      ).sort(),
    ).toEqual(['missing-from-care', 'partnership-working']);
  });

  it('the risk of adults living with children and a placement ending (seed 000)', () => {
    expect(
      ids(
        "Leaders and managers do not fully consider the impact and potential risk of children and adults living together. Neither do they take effective action when they identify that an adult living in the home may pose a risk to the children living in the home. For example, notice on one adult's placement was given in March 2019 due to the safeguarding impact on children. However, the adult is still living in the home alongside children, and new children that the provider has subsequently moved in.",
      ).sort(),
    ).toEqual(['care-planning', 'safeguarding']);
  });

  it('risk in the community and return home interviews in one sentence (ILACS Barnsley 2018)', () => {
    expect(
      ids(
        'Risk assessment and the understanding of the wider risks to which young people are exposed in the community, including the timeliness and quality of return home interviews when children are reported missing from home and care.',
      ),
    ).toEqual(expect.arrayContaining(['missing-from-care', 'safeguarding']));
  });

  it('records that show care planning (focused visit Cambridgeshire 2018)', () => {
    expect(
      ids(
        "Children's records need to be up to date, fully reflect the work undertaken with families and show how this informs care planning.",
      ).sort(),
    ).toEqual(['care-planning', 'records']);
  });

  it('timescales for child protection conferences (focused visit Cambridgeshire 2018)', () => {
    expect(
      ids(
        'Social workers and managers do not have a clear and consistent understanding of the expected timescales for single assessments and initial child protection case conferences. This needs to be addressed to ensure that children are seen promptly and risks of significant harm are considered by relevant professionals, ensuring timely decision-making and planning.',
      ).sort(),
    ).toEqual(['access-and-timeliness', 'safeguarding']);
  });
});

describe('a phrase hyphenated as an adjective still matches its cue', () => {
  it('"out of hours" finds "out-of-hours" (ILACS Lewisham 2024, line 71)', () => {
    const text =
      'Out-of-hours services are well managed and coordinated within the same service as the multi-agency safeguarding hub. This helps to promote a seamless response between day and out-of-hours services.';
    expect(findCueMatches(text, [compileCue('out of hours', null)]).map((m) => m.term)).toEqual([
      'out-of-hours',
      'out-of-hours',
    ]);
  });

  it("tags the issue's example with the theme its hyphenated cue names", () => {
    // The sentence of issue 16; the cue "missing from home" missed it while spaces had to match.
    expect(ids("Staff still do not follow children's missing-from-home protocols.")).toEqual([
      'missing-from-care',
    ]);
  });
});

describe('an incidental word does not add a theme', () => {
  it('children missing from education are not missing from care (ILACS Dorset 2025, Barnsley 2018)', () => {
    expect(
      ids(
        "For children missing from education, effective multi-agency arrangements are in place and prompt action is taken to support children's safety and for them to be reintegrated into education as soon as possible.",
      ),
    ).not.toContain('missing-from-care');
    expect(
      ids(
        'There are effective systems in place to identify and monitor children missing from education and children who are electively home educated (EHE).',
      ),
    ).not.toContain('missing-from-care');
  });

  it('leaders named as the ones who failed to repair the home do not make it governance (seed 000)', () => {
    expect(
      ids(
        'The home is not maintained to a suitable standard. A broken mirror, which was present at the two previous inspections, remains in a bedroom. Another example involved a child not having a bedroom door for ten days as the door was waiting to be replaced following its removal during a serious incident. Leaders and managers have not taken effective action to promptly address these serious failures to provide children with a suitable and safe home.',
      ),
    ).toEqual(['premises-and-safety']);
  });

  it('a service that runs out of hours is not about access for that alone (Buckinghamshire 2018)', () => {
    expect(
      ids(
        'The service for children and their families who need support and intervention out of hours is sound.',
      ),
    ).toEqual([]);
  });

  it('a long paragraph gets each theme one of its sentences speaks of (ILACS Barnsley 2018)', () => {
    const themes = ids(
      "The virtual school headteacher provides strong leadership and direction for her team. There are effective relationships with schools in monitoring the quality of personal education plans (PEPs), tracking attendance and the use of the pupil premium grant, and in providing appropriate challenge. The quality of PEPS has improved since the last inspection, although there is a recognition that the quality of targets is variable. The termly personal education plans (TPEPs) are detailed and set out expected outcomes for a wide range of therapeutic inputs for children in care. These happen in the school environment and include art and play therapy and nurture sessions. The percentage of children in care attending a good or better school has increased. Attendance for children in care is in line with the national average, and persistent absence is below the national average. However, the local authority knows that incidents of fixed- term exclusion for children in care remain too high. The virtual school headteacher is providing additional support for schools. For example, training has been provided for designated teachers to support teachers to be trauma- and attachment-focused and to understand their impact on pupils' learning and behaviour.",
    );
    expect(themes).toContain('education-and-achievement');
    expect(themes).toContain('health-and-wellbeing');
    // The labelling guide's rule 4: one sentence is enough. The virtual school head's "strong
    // leadership and direction for her team" is governance to the second labelling pass, not to
    // the first (tests/golden/themes/README.md, "Where the passes differ"); the rules side with
    // the second since they stopped keeping only a long text's dominant themes (ingest version 5).
    expect(themes).toContain('governance');
  });
});
