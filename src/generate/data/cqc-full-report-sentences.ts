/**
 * Findings for synthetic CQC full inspection reports, in the register of the detailed findings
 * of real reports (shared/corpus/reports/text/cqc_arreta-care-limited_2023-11-14.txt): past tense,
 * one statement a bullet, under the key question and sub-heading the CQC files that theme under.
 * Each sentence carries a cue of its theme (seed/reference/themes.json), votes for its polarity
 * under src/ingest/classify/polarity-cues.json, and says nothing about earlier inspections; a
 * unit test holds every sentence to those rules, so the ground truth can state theme and polarity.
 */
import type { ThemeId } from './themes.ts';

export type CqcKeyQuestion = 'Safe' | 'Effective' | 'Caring' | 'Responsive' | 'Well-led';

export const CQC_KEY_QUESTIONS: readonly CqcKeyQuestion[] = [
  'Safe',
  'Effective',
  'Caring',
  'Responsive',
  'Well-led',
];

export interface FullReportTheme {
  keyQuestion: CqcKeyQuestion;
  /** The sub-heading (a key line of enquiry) the CQC prints above findings on this theme. */
  subheading: string;
  concern: readonly string[];
  strength: readonly string[];
}

export const CQC_FULL_REPORT_SENTENCES: Readonly<Partial<Record<ThemeId, FullReportTheme>>> = {
  safeguarding: {
    keyQuestion: 'Safe',
    subheading: 'Systems and processes to safeguard people from the risk of abuse',
    concern: [
      'Staff did not always report safeguarding concerns to the local authority.',
      'The provider had not investigated an allegation of abuse in line with its own policy.',
      'Risks of harm to people were not always identified, and risk management plans were incomplete.',
      'Not all staff could tell us how they would recognise signs of abuse or neglect.',
    ],
    strength: [
      'People told us they felt safe, and staff knew how to protect them from abuse effectively.',
      'Staff had completed safeguarding training and understood how to report concerns appropriately.',
      'The registered manager worked well with the local authority safeguarding team.',
      'Staff managed the risks to people safely.',
    ],
  },
  medication: {
    keyQuestion: 'Safe',
    subheading: 'Using medicines safely',
    concern: [
      'Medication administration records had gaps, so we could not be sure people received their medicines.',
      'Guidance for medicines prescribed to be taken as needed was not in place for some people.',
      'Stock counts of medicines did not match the records.',
      'Staff had not had their competency to administer medicines checked.',
    ],
    strength: [
      'People received their medicines safely and as prescribed.',
      'Medicines were stored securely, and regular audits were effective.',
      'Staff were trained and assessed as competent to administer medicines safely.',
      'Protocols for medicines taken as needed were clear and up to date.',
    ],
  },
  'infection-control': {
    keyQuestion: 'Safe',
    subheading: 'Preventing and controlling infection',
    concern: [
      'Some areas of the service were not clean, and cleaning schedules were not followed.',
      'Staff did not always wear personal protective equipment in line with guidance.',
      'The infection prevention and control policy was out of date.',
    ],
    strength: [
      'We were assured that the provider was using personal protective equipment effectively and safely.',
      'The service was clean, and staff followed good hand hygiene practice.',
      'Infection prevention and control audits were thorough and acted on promptly.',
    ],
  },
  'premises-and-safety': {
    keyQuestion: 'Safe',
    subheading: 'Assessing risk, safety monitoring and management',
    concern: [
      'Fire safety checks were overdue, and some fire doors did not close properly.',
      'Equipment used to move people had not been serviced within the required timescale.',
      'Window restrictors were missing in two bedrooms, which placed people at risk.',
    ],
    strength: [
      'The premises were well maintained, and health and safety checks were up to date.',
      'Equipment was serviced regularly and used safely.',
      'Fire drills took place regularly, and fire safety equipment was in good order.',
    ],
  },
  staffing: {
    keyQuestion: 'Safe',
    subheading: 'Staffing and recruitment',
    concern: [
      "There were not enough staff deployed to meet people's needs at night.",
      'Recruitment checks were incomplete, and gaps in employment history had not been explored.',
      'The service relied on agency staff who did not know people well.',
      'Staff did not receive regular supervision, and some training was out of date.',
    ],
    strength: [
      "There were enough staff to meet people's needs, and staff were recruited safely.",
      'Staff received a thorough induction and regular supervision.',
      'Staff told us they felt well supported, and training was up to date.',
      'The staff team was consistent, so people were supported by staff who knew them well.',
    ],
  },
  'care-planning': {
    keyQuestion: 'Effective',
    subheading:
      "Assessing people's needs and choices; delivering care in line with standards, guidance and the law",
    concern: [
      "People's needs were not always assessed before they started to use the service.",
      "Care plans did not reflect people's current needs, so staff lacked guidance.",
      "Risk assessments were not reviewed when people's needs changed.",
    ],
    strength: [
      "People's needs were assessed thoroughly before they started to use the service.",
      'Care plans were personalised and reviewed regularly with people and their relatives.',
      'Staff used care plans effectively to guide the support they gave.',
    ],
  },
  'health-and-wellbeing': {
    keyQuestion: 'Effective',
    subheading: 'Supporting people to eat and drink enough to maintain a balanced diet',
    concern: [
      "Food and fluid charts were incomplete, so staff could not be sure people's nutrition needs were met.",
      'Staff did not always refer people to healthcare professionals when their health declined.',
      'People at risk of weight loss were not weighed as often as their care plans required.',
    ],
    strength: [
      'People were supported to eat a healthy, balanced diet.',
      "Staff monitored people's nutrition and hydration effectively.",
      'People had good access to healthcare, and staff supported them to attend appointments.',
    ],
  },
  'partnership-working': {
    keyQuestion: 'Effective',
    subheading: 'Staff working with other agencies to provide consistent, effective, timely care',
    concern: [
      "Information about people's care was not always shared with other professionals.",
      "The service did not act on advice from health professionals involved in people's care.",
    ],
    strength: [
      'Staff worked well with other agencies to provide consistent care.',
      'Health professionals spoke highly of the service and its partnership working.',
      'The service had good relationships with commissioners and other professionals.',
    ],
  },
  'dignity-and-rights': {
    keyQuestion: 'Caring',
    subheading: "Respecting and promoting people's privacy, dignity and independence",
    concern: [
      "Staff did not always respect people's privacy when supporting them with personal care.",
      "Mental capacity assessments had not been completed before decisions were made about people's care.",
      "People's independence was not promoted, and staff did tasks people could do for themselves.",
      "Staff did not always seek people's consent before providing care.",
    ],
    strength: [
      'Staff treated people with kindness and compassion.',
      "People's privacy and dignity were respected, and staff promoted their independence.",
      "Staff sought people's consent appropriately and respected their choices.",
      'People told us staff were caring and respected their cultural and religious needs.',
    ],
  },
  'voice-and-complaints': {
    keyQuestion: 'Responsive',
    subheading: 'Improving care quality in response to complaints or concerns',
    concern: [
      "Complaints were not always recorded or responded to in line with the provider's policy.",
      'People and relatives did not feel listened to when they raised concerns.',
      'The provider had not sought feedback from people about the service.',
    ],
    strength: [
      'People and their relatives knew how to complain, and complaints were responded to appropriately.',
      'The provider used feedback from people and relatives effectively to improve the service.',
      'People told us staff listened to them and involved them in decisions about their care, which they valued.',
    ],
  },
  'access-and-timeliness': {
    keyQuestion: 'Responsive',
    subheading:
      'Planning personalised care to ensure people have choice and control and to meet their needs and preferences',
    concern: [
      'Care calls were often late, and some people had missed visits.',
      'People waited too long for their support to be reviewed.',
      "Reviews of people's care were overdue, and changes in their needs were not acted on.",
    ],
    strength: [
      'Care calls were on time, and people received support in a timely way.',
      "The service responded promptly and effectively when people's needs changed, so people received timely care.",
      'People could access the service easily, and response times were good.',
    ],
  },
  governance: {
    keyQuestion: 'Well-led',
    subheading:
      'Managers and staff being clear about their roles, and understanding quality performance, risks and regulatory requirements',
    concern: [
      'Quality assurance systems did not identify the shortfalls we found.',
      'The provider had failed to notify CQC of significant events as required.',
      'Leaders did not have effective oversight of the service.',
      'Audits were not completed regularly, and actions from them were not followed up.',
    ],
    strength: [
      'The registered manager had good oversight of the service, and audits were effective.',
      'Leaders promoted a positive, person-centred culture.',
      'The provider had a clear improvement plan and used it effectively.',
      'Governance systems were robust and helped leaders to monitor the quality of care.',
    ],
  },
  records: {
    keyQuestion: 'Well-led',
    subheading: 'Continuous learning and improving care',
    concern: [
      "Records of people's care were incomplete and inconsistent.",
      'Daily notes did not record the care people received, so gaps in care could not be identified.',
      'Records of accidents and incidents were not reviewed, so patterns were missed.',
    ],
    strength: [
      'Records were accurate, up to date and stored securely.',
      'Staff kept thorough records of the care people received.',
      'Records of accidents and incidents were reviewed well, and learning was shared with staff.',
    ],
  },
};
