import { describe, expect, it } from 'vitest';
import { greeting } from './i18n';

describe('greeting', () => {
  it('is French by default', () => expect(greeting('fr-FR')).toContain('hub de coordination'));
  it('is English for English browsers', () => expect(greeting('en-GB')).toContain('coordination hub'));
});
