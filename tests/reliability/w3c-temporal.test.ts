import { describe, expect, it } from 'vitest';
import { isW3cTemporal } from '../../src/tei/w3c-temporal.js';

describe('isW3cTemporal', () => {
  it('accepts the forms of the profile', () => {
    for (const v of ['1965', '1965-12', '1965-12-24', '1965-10-29T17:00:00', '17:00:00', '--10-12', '1964-02-29', '--02-29', '1965-12-24Z', '-0044-03-15']) {
      expect(isW3cTemporal(v), v).toBe(true);
    }
  });
  it('refuses what no W3C type holds', () => {
    for (const v of ['--10-12T17:00:00', '--00-12', '1965-02-29', '1965-13', '1965-04-31', 'x', '', '65', '1965-1-2', '25:00:00']) {
      expect(isW3cTemporal(v), v).toBe(false);
    }
  });
});
