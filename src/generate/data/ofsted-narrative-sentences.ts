/**
 * Sentences for the judgement narratives of synthetic Ofsted reports, by theme and polarity.
 * Each carries at least one cue term of its theme in seed/reference/themes.json, votes for its
 * polarity under src/ingest/classify/polarity-cues.json, and says nothing about earlier
 * inspections (repeat statements are added on purpose, never by accident). A unit test holds
 * every sentence to those three rules, so the ground truth can state theme and polarity.
 */
import type { ThemeId } from './themes.ts';

export interface PolarSentences {
  concern: readonly string[];
  strength: readonly string[];
}

export const OFSTED_SENTENCES: Readonly<Partial<Record<ThemeId, PolarSentences>>> = {
  safeguarding: {
    concern: [
      "Staff do not always follow the home's safeguarding procedures when a child makes an allegation.",
      'A child protection referral was not made to the local authority until two days after a child disclosed a concern.',
      "Risk assessments do not reflect each child's current risk of exploitation.",
      'Leaders cannot be sure that children are protected from harm, because incidents are not reviewed.',
    ],
    strength: [
      'Staff understand the risks to each child and work well with the police to keep children safe.',
      'Safeguarding concerns are shared effectively with the designated officer, and each referral is followed through.',
      'Children say that they feel safe, and staff have a good understanding of the risk of exploitation.',
      'Leaders have robust child protection arrangements in place.',
    ],
  },
  'missing-from-care': {
    concern: [
      'When children go missing from the home, staff do not always follow the agreed protocols.',
      'Return home interviews do not take place after each missing episode, so staff do not learn why children go missing.',
      'Staff delayed reporting to the police when a child went missing from the home.',
    ],
    strength: [
      'Children go missing from the home far less often, because staff have built positive relationships with them.',
      'Every child receives a return home interview, and staff use the information effectively to reduce risks.',
      'Staff work well with the police when children go missing from the home.',
    ],
  },
  medication: {
    concern: [
      'Medication records are not accurate, and stock counts do not match the records.',
      'On two occasions a child did not receive their prescribed medication.',
      'Staff have not been trained to administer PRN medication, and guidance for its use is unclear.',
      "Controlled drugs are not stored securely in line with the home's medication policy.",
    ],
    strength: [
      'Medication is stored safely and administered as prescribed.',
      'Regular audits of medication records are thorough.',
      'Staff are well trained in the safe administration of medicines.',
    ],
  },
  'health-and-wellbeing': {
    concern: [
      "Children's health needs are not always met, and one child has waited months to see a dentist.",
      'Staff do not have clear guidance on how to respond when a child self-harms.',
      "Children's emotional well-being is not supported, because referrals to CAMHS are not followed up.",
    ],
    strength: [
      'Children are supported to lead healthy lifestyles and attend all their health appointments.',
      "Staff work closely with CAMHS, and children's emotional well-being has improved.",
      'Staff help children to understand their physical health needs well.',
    ],
  },
  'restraint-and-behaviour': {
    concern: [
      'Records of restraint do not show that children were spoken to after each incident.',
      "Staff do not use the behaviour management strategies set out in children's plans.",
      'Physical intervention was used when other approaches had not been tried first.',
    ],
    strength: [
      'The use of restraint has reduced, because staff use positive behaviour support effectively.',
      'Staff respond to challenging behaviour calmly and consistently.',
      'Staff use behaviour management plans effectively, and children are praised for positive choices.',
    ],
  },
  governance: {
    concern: [
      'Monitoring and oversight of the quality of care are ineffective.',
      "The manager's audits did not identify weaknesses in the quality of care.",
      'Leaders have not updated the statement of purpose to reflect the children the home now cares for.',
      'Independent visitor reports are not acted on, and the improvement plan is not followed.',
    ],
    strength: [
      'The registered manager has strong oversight of the home and uses audits to drive improvement.',
      'Leaders use a clear improvement plan effectively, and the quality of care has improved.',
      "Quality assurance systems are robust and help leaders to understand children's experiences.",
    ],
  },
  staffing: {
    concern: [
      'Staff do not receive regular supervision, and some have not completed mandatory training.',
      'Staffing levels at night did not meet the level set out in the statement of purpose on several occasions.',
      'The home relies heavily on agency staff, so children do not always know who will be caring for them.',
      'Recruitment checks are incomplete for two members of staff.',
    ],
    strength: [
      'Staff receive regular supervision and feel well supported by the manager.',
      'The staff team is stable, and staff morale is good.',
      'Staff have completed training in trauma-informed care and use it effectively.',
    ],
  },
  'care-planning': {
    concern: [
      "Children's placement plans are not updated after significant incidents.",
      "Leaders do not assess children's needs properly before they move into the home.",
      "Care plans do not reflect children's current needs, so staff do not have clear guidance.",
    ],
    strength: [
      "Children's care plans are thorough and are reviewed regularly with their social workers.",
      "Admissions are well planned, and staff reassess children's needs when their circumstances change.",
      "Staff follow children's placement plans consistently.",
    ],
  },
  records: {
    concern: [
      "Children's records do not provide enough detail about their experiences.",
      'Daily logs are not completed, and some entries are not signed or dated.',
      'Records of incidents are incomplete and inaccurate.',
    ],
    strength: [
      'Records are detailed, up to date and written in a way that children can understand.',
      'Staff keep thorough records that show the progress each child makes.',
      'The quality of recording has improved, and records show the progress children make.',
    ],
  },
  'partnership-working': {
    concern: [
      "Leaders do not challenge placing authorities when children's needs are not met.",
      'Staff do not escalate concerns when other agencies are slow to respond.',
      'Communication with placing authorities is poor, and information about children is not shared promptly.',
    ],
    strength: [
      "Staff work well with placing authorities and other professionals to meet children's needs.",
      'Leaders have built strong relationships with partner agencies.',
      'Staff advocate effectively for children with other agencies.',
    ],
  },
  'voice-and-complaints': {
    concern: [
      'Complaints made by children are not recorded, and children do not know what happened as a result.',
      "Children's views are not sought when decisions are made about their care.",
      "Children's meetings do not take place regularly, so children have few chances to give feedback.",
    ],
    strength: [
      "Children's views, wishes and feelings are valued and shape the way the home is run.",
      'Complaints are taken seriously and resolved in a timely way.',
      'Children say that staff listen to them, and they are confident to raise any worries.',
    ],
  },
  'premises-and-safety': {
    concern: [
      'The home is not maintained to a suitable standard, and repairs are not completed promptly.',
      'Fire doors were wedged open during the inspection, which is unsafe.',
      'Parts of the home are not homely, and damage to a bedroom has not been repaired.',
    ],
    strength: [
      'The home is homely and has been personalised by the children.',
      'Children helped to redecorate their bedrooms and are proud of their home.',
      'Fire safety checks are thorough and up to date.',
    ],
  },
  'education-and-achievement': {
    concern: [
      'Some children are not attending school, and staff do not do enough to help them return to education.',
      "Children's education plans are not followed, and their progress at school is not monitored.",
    ],
    strength: [
      'Children make good progress in their education, and all children attend school every day.',
      'One child has started a college course, and staff support children well with their learning.',
      'Children enjoy a wide range of activities, and their school attendance has improved.',
    ],
  },
  'dignity-and-rights': {
    concern: [
      "Restrictions on children's contact with their families are not reviewed regularly.",
      "The location of the clinic room does not promote children's privacy and dignity.",
      "Staff do not always knock before entering children's bedrooms, which does not respect their privacy.",
    ],
    strength: [
      'Children are treated with dignity and feel respected by staff.',
      "Any restrictions on children's freedom are proportionate and have good oversight.",
    ],
  },
};
