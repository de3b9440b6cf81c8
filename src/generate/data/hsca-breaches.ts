/**
 * Breaches of the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014 that a
 * synthetic CQC full report can cite, by the theme of the shortfall behind them: the regulation,
 * the paragraphs breached (as reports print them under the explanation, e.g.
 * "Regulation 12 (1)(2)(g)": 12(2)(g) is the proper and safe management of medicines), and the
 * explanation in the words of the regulation. Headings are not here: they come from
 * seed/reference/legislation.json, as printed after "Regulation 12 HSCA RA Regulations 2014".
 */
import type { ThemeId } from './themes.ts';

export interface HscaBreach {
  number: string;
  /** As printed, without spaces inside the brackets: `Regulation 12 (1)(2)(g)`. */
  paragraphs: string;
  explanation: string;
}

export const HSCA_BREACH_OF_THEME: Readonly<Partial<Record<ThemeId, HscaBreach>>> = {
  safeguarding: {
    number: '13',
    paragraphs: 'Regulation 13 (1)(2)(3)',
    explanation:
      'Systems and processes were not established and operated effectively to prevent abuse of service users and to investigate allegations of abuse.',
  },
  medication: {
    number: '12',
    paragraphs: 'Regulation 12 (1)(2)(g)',
    explanation: 'The provider had not ensured the proper and safe management of medicines.',
  },
  'infection-control': {
    number: '12',
    paragraphs: 'Regulation 12 (1)(2)(h)',
    explanation:
      'The provider had not assessed the risk of, and prevented, detected and controlled the spread of, infections.',
  },
  'premises-and-safety': {
    number: '15',
    paragraphs: 'Regulation 15 (1)(e)',
    explanation:
      'The premises and equipment used by the service provider were not properly maintained.',
  },
  staffing: {
    number: '18',
    paragraphs: 'Regulation 18 (1)(2)(a)',
    explanation:
      'Sufficient numbers of suitably qualified, competent, skilled and experienced persons were not deployed, and staff had not received the training and supervision necessary for their role.',
  },
  'care-planning': {
    number: '9',
    paragraphs: 'Regulation 9 (1)(3)(a)(b)',
    explanation:
      'The care and treatment of service users did not always meet their needs or reflect their preferences, and needs were not assessed.',
  },
  'health-and-wellbeing': {
    number: '14',
    paragraphs: 'Regulation 14 (1)(4)(a)',
    explanation: 'The nutritional and hydration needs of service users were not met.',
  },
  'partnership-working': {
    number: '12',
    paragraphs: 'Regulation 12 (1)(2)(i)',
    explanation:
      'Where responsibility for the care and treatment of service users was shared with other persons, the provider had not worked with them to ensure timely care planning took place.',
  },
  'dignity-and-rights': {
    number: '10',
    paragraphs: 'Regulation 10 (1)(2)(a)',
    explanation:
      'Service users were not always treated with dignity and respect, and their privacy was not ensured.',
  },
  'voice-and-complaints': {
    number: '16',
    paragraphs: 'Regulation 16 (1)(2)',
    explanation:
      'Complaints were not investigated, and necessary and proportionate action was not taken in response.',
  },
  'access-and-timeliness': {
    number: '9',
    paragraphs: 'Regulation 9 (1)(3)(b)',
    explanation:
      'The care and treatment of service users was not planned or delivered in a way that met their needs.',
  },
  governance: {
    number: '17',
    paragraphs: 'Regulation 17 (1)(2)(a)(b)',
    explanation:
      'Systems or processes were not established and operated effectively to assess, monitor and improve the quality and safety of the services provided, or to assess, monitor and mitigate risks.',
  },
  records: {
    number: '17',
    paragraphs: 'Regulation 17 (1)(2)(c)',
    explanation:
      'An accurate, complete and contemporaneous record in respect of each service user was not maintained.',
  },
};
