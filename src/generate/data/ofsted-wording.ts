/**
 * Fixed wording of Ofsted children's home reports that the generator prints: headline by overall
 * judgement, recommendations, and the closing notes. Written for the synthetic corpus in the
 * register of the real reports; nothing here cites a page of a real guide.
 */
import type { Rating } from '../rating-trajectory.ts';

export const HEADLINES: Readonly<Record<Rating, string>> = {
  0: "The children's home provides highly effective services that consistently exceed the standards of good. The actions of the children's home contribute to significantly improved outcomes and positive experiences for children and young people.",
  1: "The children's home provides effective services that meet the requirements for good.",
  2: "The children's home is not yet delivering good help and care for children and young people. However, there are no serious or widespread failures that result in their welfare not being safeguarded or promoted.",
  3: 'There are serious and widespread failures that mean children and young people are not protected or their welfare is not promoted or safeguarded and the care and experiences of children and young people are poor and they are not making progress.',
};

export const RECOMMENDATIONS: readonly string[] = [
  "The registered person should ensure that records of the use of restraint include the views of the child, so that children's experiences inform practice.",
  'The registered person should ensure that staff receive training in responding to self-harm.',
  'The registered person should ensure that the home is maintained and decorated to a good standard.',
  "The registered person should ensure that children's views are recorded in their care plans.",
  "The registered person should ensure that the independent person's reports are used to improve the quality of care.",
  'The registered person should ensure that the statement of purpose describes the current arrangements for education.',
];

export const REQUIREMENTS_INTRO =
  "This section sets out the actions that the registered person(s) must take to meet the Care Standards Act 2000, Children's Homes (England) Regulations 2015 and the 'Guide to the children's homes regulations including the quality standards'. The registered person(s) must comply within the given timescales.";

export const COMPLIANCE_FOOTNOTE = '* These requirements are subject to a compliance notice.';

export const ABOUT_THIS_INSPECTION = [
  'Inspectors have looked closely at the experiences and progress of children and young people. They considered the quality of work and the differences made to the lives of children and young people, and talked to children, their families and staff wherever possible.',
  "Using the 'Social care common inspection framework', this inspection was carried out under the Care Standards Act 2000 to assess the effectiveness of the service and to consider how well it complies with the Children's Homes (England) Regulations 2015.",
];

/** Printed after the inspector's name; a prose line ends the list of inspectors for the parser. */
export const CLOSING_NOTE =
  'This report is part of a synthetic corpus generated for testing. The home, its provider and every person named are invented.';
