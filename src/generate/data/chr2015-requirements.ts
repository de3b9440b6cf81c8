/**
 * Requirement wording for the Children's Homes (England) Regulations 2015, taken from the text
 * of the regulations (shared/corpus/regulations/childrens_homes_england_regulations_2015.txt) in
 * the way Ofsted quotes them: a lead-in block, then the sub-paragraphs breached, closed by the
 * paragraph reference. Headings are not here: they come from seed/reference/legislation.json.
 * `theme` is the theme of the narrative paragraph that explains the breach; `weight` is how often
 * the regulation is breached relative to the others (12, 13 and 23 lead in real reports).
 */
import type { ThemeId } from './themes.ts';

export interface RequirementWording {
  /** `<p>` blocks after the heading; the last ends with the reference in brackets. */
  blocks: readonly string[];
  /** The reference as printed inside the brackets, e.g. `Regulation 12 (2)(a)(i)`. */
  paragraphs: string;
}

export interface RegulationBreach {
  number: string;
  theme: ThemeId;
  weight: number;
  wordings: readonly RequirementWording[];
}

const STAFF_LEAD =
  'In particular, the standard in paragraph (1) requires the registered person to ensure that staff—';
const PERSON_LEAD =
  'In particular, the standard in paragraph (1) requires the registered person to—';
const MUST_ENSURE = 'The registered person must ensure that—';

/** One wording: the reference is appended to the last block as Ofsted prints it. */
function quoteWording(paragraphs: string, ...blocks: string[]): RequirementWording {
  const last = blocks.length - 1;
  return { paragraphs, blocks: blocks.map((b, i) => (i === last ? `${b} (${paragraphs})` : b)) };
}

export const REGULATION_BREACHES: readonly RegulationBreach[] = [
  {
    number: '5',
    theme: 'partnership-working',
    weight: 4,
    wordings: [
      quoteWording(
        'Regulation 5 (a)',
        'In meeting the quality standards, the registered person must, and must ensure that staff—',
        "seek to involve each child's placing authority effectively in the child's care, in accordance with the child's relevant plans.",
      ),
      quoteWording(
        'Regulation 5 (c)',
        'In meeting the quality standards, the registered person must, and must ensure that staff—',
        "if the registered person considers, or staff consider, a placing authority's or a relevant person's performance or response to be inadequate in relation to their role, challenge the placing authority or the relevant person to seek to ensure that each child's needs are met in accordance with the child's relevant plans.",
      ),
    ],
  },
  {
    number: '6',
    theme: 'care-planning',
    weight: 5,
    wordings: [
      quoteWording(
        'Regulation 6 (1)(a)(b)',
        'The quality and purpose of care standard is that children receive care from staff who—',
        "understand the children's home's overall aims and the outcomes it seeks to achieve for children;",
        "use this understanding to deliver care that meets children's needs and supports them to fulfil their potential.",
      ),
      quoteWording(
        'Regulation 6 (2)(b)(iv)',
        PERSON_LEAD,
        'ensure that staff—',
        "provide personalised care that meets each child's needs, as recorded in the child's relevant plans, taking account of the child's background.",
      ),
    ],
  },
  {
    number: '7',
    theme: 'voice-and-complaints',
    weight: 2,
    wordings: [
      quoteWording(
        'Regulation 7 (2)(a)(ii)',
        PERSON_LEAD,
        'ensure that staff—',
        'help each child to express views, wishes and feelings.',
      ),
    ],
  },
  {
    number: '8',
    theme: 'education-and-achievement',
    weight: 3,
    wordings: [
      quoteWording(
        'Regulation 8 (2)(a)(i)',
        STAFF_LEAD,
        "help each child to achieve the child's education and training targets, as recorded in the child's relevant plans.",
      ),
      quoteWording(
        'Regulation 8 (2)(a)(iii)',
        STAFF_LEAD,
        'understand the barriers to learning that each child may face and take appropriate action to help the child to overcome any such barriers.',
      ),
    ],
  },
  {
    number: '10',
    theme: 'health-and-wellbeing',
    weight: 4,
    wordings: [
      quoteWording(
        'Regulation 10 (1)(a) and (2)(a)(i)',
        'The health and well-being standard is that the health and well-being needs of children are met.',
        'In particular, the standard in paragraph (1) requires the registered person to ensure that staff help each child to—',
        "achieve the health and well-being outcomes that are recorded in the child's relevant plans.",
      ),
    ],
  },
  {
    number: '11',
    theme: 'restraint-and-behaviour',
    weight: 2,
    wordings: [
      quoteWording(
        'Regulation 11 (2)(a)(i)',
        STAFF_LEAD,
        "meet each child's behavioural and emotional needs, as set out in the child's relevant plans.",
      ),
    ],
  },
  {
    number: '12',
    theme: 'safeguarding',
    weight: 14,
    wordings: [
      quoteWording(
        'Regulation 12 (1)(2)(a)(i)',
        STAFF_LEAD,
        "assess whether each child is at risk of harm, taking into account information in the child's relevant plans, and, if necessary, make arrangements to reduce the risk of any harm to the child.",
      ),
      quoteWording(
        'Regulation 12 (2)(a)(vi)',
        'The protection of children standard is that children are protected from harm and enabled to keep themselves safe.',
        STAFF_LEAD,
        "take effective action whenever there is a serious concern about a child's welfare.",
      ),
      quoteWording(
        'Regulation 12 (2)(b)',
        'In particular, the standard in paragraph (1) requires the registered person to ensure—',
        "that the home's day-to-day care is arranged and delivered so as to keep each child safe and to protect each child effectively from harm.",
      ),
    ],
  },
  {
    number: '13',
    theme: 'governance',
    weight: 12,
    wordings: [
      quoteWording(
        'Regulation 13 (2)(h)',
        PERSON_LEAD,
        'use monitoring and review systems to make continuous improvements in the quality of care provided in the home.',
      ),
      quoteWording(
        'Regulation 13 (1)(a)(b) and (2)(f)',
        "The leadership and management standard is that the registered person enables, inspires and leads a culture in relation to the children's home that helps children aspire to fulfil their potential and promotes their welfare.",
        PERSON_LEAD,
        'understand the impact that the quality of care provided in the home is having on the progress and experiences of each child and use this understanding to inform the development of the quality of care provided in the home.',
      ),
    ],
  },
  {
    number: '14',
    theme: 'care-planning',
    weight: 6,
    wordings: [
      quoteWording(
        'Regulation 14 (2)(a)',
        'In particular, the standard in paragraph (1) requires the registered person to ensure—',
        "that children are admitted to the home only if their needs are within the range of needs of children for whom it is intended that the home is to provide care and accommodation, as set out in the home's statement of purpose.",
      ),
      quoteWording(
        'Regulation 14 (2)(c)',
        'In particular, the standard in paragraph (1) requires the registered person to ensure—',
        "that each child's relevant plans are followed.",
      ),
    ],
  },
  {
    number: '16',
    theme: 'governance',
    weight: 2,
    wordings: [
      quoteWording(
        'Regulation 16 (3)(a)',
        'The registered person must keep the statement of purpose under review and, where appropriate, revise it.',
      ),
    ],
  },
  {
    number: '20',
    theme: 'restraint-and-behaviour',
    weight: 3,
    wordings: [
      quoteWording(
        'Regulation 20 (1)(a) and (2)',
        'Restraint in relation to a child is only permitted for the purpose of preventing injury to any person (including the child).',
        'Restraint in relation to a child must be necessary and proportionate.',
      ),
    ],
  },
  {
    number: '21',
    theme: 'dignity-and-rights',
    weight: 2,
    wordings: [
      quoteWording(
        'Regulation 21 (a)',
        MUST_ENSURE,
        'the privacy of children is appropriately protected.',
      ),
    ],
  },
  {
    number: '23',
    theme: 'medication',
    weight: 9,
    wordings: [
      quoteWording(
        'Regulation 23 (1) and (2)(b)',
        "The registered person must make arrangements for the handling, recording, safekeeping, safe administration and disposal of medicines received into the children's home.",
        'In particular the registered person must ensure that—',
        'medicine which is prescribed for a child is administered as prescribed to the child for whom it is prescribed and to no other child.',
      ),
      quoteWording(
        'Regulation 23 (2)(c)',
        'In particular the registered person must ensure that—',
        'a record is kept of the administration of medicine to each child.',
      ),
    ],
  },
  {
    number: '32',
    theme: 'staffing',
    weight: 3,
    wordings: [
      quoteWording(
        'Regulation 32 (1)',
        "The registered person must recruit staff using recruitment procedures that are designed to ensure children's safety.",
      ),
    ],
  },
  {
    number: '33',
    theme: 'staffing',
    weight: 5,
    wordings: [
      quoteWording(
        'Regulation 33 (4)(a)(b)',
        'The registered person must ensure that all employees—',
        'undertake appropriate continuing professional development;',
        'receive practice-related supervision by a person with appropriate experience.',
      ),
    ],
  },
  {
    number: '34',
    theme: 'missing-from-care',
    weight: 4,
    wordings: [
      quoteWording(
        'Regulation 34 (4)(b)',
        'The registered person must prepare and implement a policy ("the missing child policy") setting out—',
        'the procedures to be followed, and the roles and responsibilities of persons working at the home, in relation to a child who is, or has been, so absent.',
      ),
    ],
  },
  {
    number: '35',
    theme: 'restraint-and-behaviour',
    weight: 5,
    wordings: [
      quoteWording(
        'Regulation 35 (3)(a)',
        MUST_ENSURE,
        'within 24 hours of the use of a measure of control, discipline or restraint in relation to a child in the home, a record is made.',
      ),
    ],
  },
  {
    number: '36',
    theme: 'records',
    weight: 4,
    wordings: [
      quoteWording(
        'Regulation 36 (1)(b)',
        'The registered person must maintain records ("case records") for each child which—',
        'are kept up to date.',
      ),
    ],
  },
  {
    number: '39',
    theme: 'voice-and-complaints',
    weight: 1,
    wordings: [
      quoteWording(
        'Regulation 39 (3)',
        'The registered person must ensure that a record is made of any complaint, the action taken in response, and the outcome of any investigation.',
      ),
    ],
  },
  {
    number: '44',
    theme: 'governance',
    weight: 3,
    wordings: [
      quoteWording(
        'Regulation 44 (1)',
        "The registered person must ensure that an independent person visits the children's home at least once each month.",
      ),
    ],
  },
  {
    number: '45',
    theme: 'governance',
    weight: 4,
    wordings: [
      quoteWording(
        'Regulation 45 (1)',
        'The registered person must complete a review of the quality of care provided for children ("a quality of care review") at least once every 6 months.',
      ),
    ],
  },
  {
    number: '46',
    theme: 'premises-and-safety',
    weight: 1,
    wordings: [
      quoteWording(
        'Regulation 46 (1)',
        "The registered person must review the appropriateness and suitability of the location of the premises used for the purposes of the children's home at least once in each calendar year.",
      ),
    ],
  },
];
