/**
 * The kind of enforcement a sentence names, on the regulators' wording. The prosecution lines
 * follow the CQC's own: it prosecutes, issues fixed penalty notices (for instance for not
 * displaying ratings) and gives simple cautions; reports also warn that a failure "may lead to"
 * prosecution, which is no enforcement at all.
 */
import { describe, expect, it } from 'vitest';
import { readEnforcementType } from '../../../src/ingest/parsers/enforcement-wording.ts';

describe('readEnforcementType', () => {
  it.each([
    ['We issued the provider with 2 Warning Notices.', 'warning-notice'],
    ['We served a requirement notice on the provider.', 'requirement-notice'],
    ['We imposed conditions on the provider’s registration.', 'restriction'],
    ['We issued a notice of proposal to cancel the registration.', 'cancellation'],
    ['We suspended the registration of the service for three months.', 'suspension'],
    [
      'We prosecuted the provider for failing to comply with a warning notice we served in 2022.',
      'prosecution',
    ],
    [
      'We issued a fixed penalty notice to the provider for failing to display their ratings.',
      'prosecution',
    ],
    ['We gave the registered manager a simple caution.', 'prosecution'],
    ['The home was served a compliance notice under regulation 12.', 'compliance-notice'],
  ] as const)('%s → %s', (sentence, type) => {
    expect(readEnforcementType(sentence)).toBe(type);
  });

  it.each([
    'Failure to comply with the warning notice may lead to prosecution.',
    'We are considering whether to prosecute the provider.',
    'We will consider prosecution if the provider does not comply.',
  ])('reads no prosecution in "%s"', (sentence) => {
    expect(readEnforcementType(sentence)).not.toBe('prosecution');
  });
});
