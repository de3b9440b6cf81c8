/**
 * Word lists for invented names. Every provider, home and location name carries "(synthetic)"
 * and surnames are made-up words, so nothing generated can be mistaken for a real setting or a
 * real person.
 */

export const SYNTHETIC_MARK = '(synthetic)';

/** First halves of place-like names: "Quillbrook", "Ashmere". */
export const NAME_STEMS = [
  'Alder',
  'Ash',
  'Birch',
  'Bramble',
  'Cedar',
  'Clover',
  'Elder',
  'Fern',
  'Foxglove',
  'Hazel',
  'Heather',
  'Holly',
  'Juniper',
  'Larch',
  'Linden',
  'Maple',
  'Meadow',
  'Oak',
  'Quill',
  'Rowan',
  'Sorrel',
  'Thistle',
  'Willow',
  'Wren',
  'Yarrow',
  'Lark',
  'Kestrel',
  'Marten',
  'Otter',
  'Plover',
] as const;

export const NAME_ENDINGS = [
  'brook',
  'bury',
  'combe',
  'croft',
  'dale',
  'field',
  'ford',
  'gate',
  'hurst',
  'leigh',
  'mere',
  'moor',
  'stead',
  'thorpe',
  'well',
  'wick',
  'wood',
  'worth',
] as const;

export const HOME_KINDS = [
  'House',
  'Lodge',
  'Cottage',
  'View',
  'Place',
  'Court',
  'Grange',
  'Villa',
] as const;

/**
 * Kinds of CQC location: the word in the name, the service type (lower case, as a full report
 * prints it in "<name> is a care home.", so metadata and report agree), and the regulated activity
 * its breaches are listed under.
 */
export const CQC_LOCATION_KINDS = [
  {
    kind: 'Care Home',
    type: 'care home',
    activity: 'Accommodation for persons who require nursing or personal care',
  },
  {
    kind: 'Nursing Home',
    type: 'care home',
    activity: 'Accommodation for persons who require nursing or personal care',
  },
  {
    kind: 'Community Services',
    type: 'community health service',
    activity: 'Treatment of disease, disorder or injury',
  },
  {
    kind: 'Health Visiting Service',
    type: 'community health service',
    activity: 'Treatment of disease, disorder or injury',
  },
  {
    kind: 'Clinic',
    type: 'independent hospital',
    activity: 'Treatment of disease, disorder or injury',
  },
] as const;

export const PROVIDER_KINDS = [
  'Care Limited',
  'Care Group Limited',
  "Children's Services Limited",
  'Homes Limited',
  'Healthcare Limited',
  'Care Partnership Limited',
  'Residential Care Limited',
  'Support Services Limited',
] as const;

export const FIRST_NAMES = [
  'Alex',
  'Amira',
  'Ben',
  'Chloe',
  'Dev',
  'Eleni',
  'Finn',
  'Grace',
  'Hamza',
  'Isla',
  'Jamal',
  'Kara',
  'Leo',
  'Maya',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Vic',
  'Wes',
  'Yasmin',
  'Zoe',
] as const;

/** Invented surnames: none is a common British surname. */
export const SURNAMES = [
  'Synthwell',
  'Fictorby',
  'Madeupson',
  'Inventley',
  'Placeholt',
  'Samplewick',
  'Testerby',
  'Mockmere',
  'Dummelow',
  'Proxley',
  'Fabricant',
  'Notreal',
  'Imaginby',
  'Pretendle',
  'Simulacre',
  'Fauxton',
  'Genfield',
  'Seedwick',
  'Randaby',
  'Stubworth',
] as const;

export const SPECIALISMS = [
  'who have social and emotional difficulties',
  'who have learning disabilities',
  'who have mental health difficulties',
  'with complex needs',
  'who have experienced trauma',
] as const;

/** Number words Ofsted uses for a home's capacity ("care for up to four children"). */
export const CAPACITY_WORDS = [
  '',
  '',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
] as const;
