/**
 * Bullets for synthetic CQC location summaries, by theme: concerns and strengths (the parser
 * decides polarity from the bullet's place around "However:", so only the theme cue matters
 * here), plus clauses for the two sentences that mention an earlier inspection:
 * "Despite a requirement made at the inspection in <month>, <concern clause>" (a repeat) and
 * "As required at the inspection in <month>, <strength clause>" (met, so not a repeat).
 * A unit test checks each carries a cue of its theme and no accidental repeat wording.
 */
import type { ThemeId } from './themes.ts';

export interface CqcThemeSentences {
  concern: readonly string[];
  strength: readonly string[];
  /** Lower-case clause completing "Despite a requirement made at the inspection in <month>, …". */
  stillFailing: string;
  /** Lower-case clause completing "As required at the inspection in <month>, …". */
  nowMet: string;
}

export const CQC_SENTENCES: Readonly<Partial<Record<ThemeId, CqcThemeSentences>>> = {
  safeguarding: {
    concern: [
      'Staff did not always recognise or report safeguarding concerns, placing people at risk of avoidable harm.',
      'Not all staff had completed safeguarding training to the level their role required.',
    ],
    strength: [
      'Staff understood how to protect people from abuse and worked well with other agencies to do so.',
      'The service had robust safeguarding processes, and staff knew how to make a referral.',
    ],
    stillFailing:
      "some safeguarding referrals were still not made in line with the provider's own policy.",
    nowMet:
      'staff had undertaken safeguarding training for adults and children and were receiving regular safeguarding supervision.',
  },
  medication: {
    concern: [
      'Medicines were not always stored or administered safely, and records of administration had gaps.',
      'People did not always receive their prescribed medicines at the right time.',
    ],
    strength: [
      'The service managed medicines well, and people received their medicines as prescribed.',
      'Staff followed systems and processes to prescribe and administer medicines safely.',
    ],
    stillFailing: 'medication administration records were still incomplete for several people.',
    nowMet: 'the service had introduced weekly medicines audits and stock checks.',
  },
  'infection-control': {
    concern: [
      'The premises were not always clean, and staff did not consistently follow infection prevention and control procedures.',
      'Staff did not always use personal protective equipment in line with national guidance.',
    ],
    strength: [
      'The service controlled infection risk well, and staff used personal protective equipment correctly.',
      'All areas we visited were clean, and staff followed good hand hygiene practice.',
    ],
    stillFailing:
      'cleaning schedules for shared equipment were still not followed, increasing the risk of infection.',
    nowMet:
      'the provider had improved cleanliness across the service and completed regular infection control audits.',
  },
  staffing: {
    concern: [
      "Staffing levels did not always meet people's needs, and the service relied heavily on agency staff.",
      'Staff reported low morale and did not always receive regular supervision.',
    ],
    strength: [
      'Staff received regular supervision and appraisal, and training compliance was high.',
      'The service had enough staff with the right skills, and staff turnover had reduced.',
    ],
    stillFailing: 'not all staff had received the mandatory training the provider required.',
    nowMet: 'staff had received mandatory training in key skills.',
  },
  governance: {
    concern: [
      'Leaders did not have effective oversight of the quality of care, and audits had not identified the risks we found.',
      'Governance processes did not operate effectively to monitor and improve the quality of the service.',
    ],
    strength: [
      'Leaders had good oversight of the service, and governance processes worked well.',
      'The service had a clear improvement plan, and leaders monitored progress against it.',
    ],
    stillFailing:
      "the provider's quality assurance systems had not identified the concerns we found.",
    nowMet: 'the provider had strengthened its governance and oversight arrangements.',
  },
  records: {
    concern: [
      'Care records were not always complete, and some entries were not dated.',
      "Records of people's care and treatment were inconsistent and hard to follow.",
    ],
    strength: [
      'Records were clear, up to date and easily available to all staff.',
      "Staff kept detailed records of people's care and treatment.",
    ],
    stillFailing:
      "there were gaps in the records of people's care in some of the cases we reviewed.",
    nowMet: 'client records had improved and were stored securely.',
  },
  'access-and-timeliness': {
    concern: [
      'People experienced long waits for appointments, and the service did not meet its own timescales for reviews.',
      'Some people waited too long for an assessment, and the waiting list was growing.',
    ],
    strength: [
      'People could access the service in a timely way, and waiting times were within national targets.',
      'The service had reduced its waiting list and people were seen promptly.',
    ],
    stillFailing: 'people were still waiting too long for their first appointment.',
    nowMet: 'the service had reduced waiting times for routine appointments.',
  },
  'voice-and-complaints': {
    concern: [
      'Most people we spoke with were not clear about how to complain or give feedback to the service.',
      'The service did not respond to complaints within its own timescales.',
    ],
    strength: [
      'The service treated concerns and complaints seriously and shared lessons learned with staff.',
      'People told us that staff listened to them and acted on their feedback.',
    ],
    stillFailing:
      "complaints were still not investigated or responded to within the provider's timescales.",
    nowMet: 'the service had introduced a clear complaints procedure and shared it with people.',
  },
  'dignity-and-rights': {
    concern: [
      "Staff did not always respect people's privacy and dignity.",
      "Mental capacity assessments were not always completed before decisions were made about people's care.",
    ],
    strength: [
      'Staff treated people with compassion and kindness, respected their privacy and dignity, and understood their individual needs.',
      'Staff supported people to make decisions about their care and sought consent appropriately.',
    ],
    stillFailing: 'staff had not completed mental capacity assessments where they were needed.',
    nowMet: 'staff had completed training on consent and the Mental Capacity Act.',
  },
  'health-and-wellbeing': {
    concern: [
      "People's nutrition and hydration needs were not always met.",
      "Staff did not always monitor people's physical health or respond to changes in it.",
    ],
    strength: [
      'Staff advised people on how to lead healthier lives and supported them to manage their physical health.',
      "Staff monitored people's nutrition and hydration and acted on any concerns.",
    ],
    stillFailing:
      "people's weight and nutrition were still not monitored in line with their care plans.",
    nowMet: 'staff had introduced nutrition and hydration charts for people at risk.',
  },
  'care-planning': {
    concern: [
      "Care plans did not reflect people's current needs, and risk assessments were not reviewed after incidents.",
      'Staff did not always complete a needs assessment before people started to use the service.',
    ],
    strength: [
      "Staff assessed people's needs thoroughly, and care plans were personalised and reviewed regularly.",
      "Care plans were detailed and reflected people's wishes and preferences.",
    ],
    stillFailing: "care plans had not been reviewed when people's needs changed.",
    nowMet: 'care plans had been reviewed and updated for every person using the service.',
  },
  'partnership-working': {
    concern: [
      'The service did not work effectively with commissioners and other agencies to plan services.',
      "Information was not always shared with other professionals involved in people's care.",
    ],
    strength: [
      'Staff worked well with other agencies and health professionals to give people joined-up care.',
      'The service had strong partnerships with commissioners and local services.',
    ],
    stillFailing:
      'the service had not agreed arrangements for sharing information with partner agencies.',
    nowMet: 'the service had agreed information-sharing arrangements with partner agencies.',
  },
  'premises-and-safety': {
    concern: [
      'The premises and equipment were not well maintained, and fire safety checks were overdue.',
      'Parts of the building needed repair and some areas were unsafe.',
    ],
    strength: [
      'The premises were well maintained and the environment was homely.',
      'Equipment was serviced regularly and fire safety checks were up to date.',
    ],
    stillFailing:
      'fire safety checks were still overdue and some fire doors did not close properly.',
    nowMet:
      'the provider had completed the repairs to the premises and updated its fire risk assessment.',
  },
};
