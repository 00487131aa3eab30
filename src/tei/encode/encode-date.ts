import type { DateValue } from '../../model/dates.js';
import { impliedPrecision, UNSPECIFIED_PRECISION } from '../date-precision.js';
import type { AttrInput } from '../xml/xml-tree.js';
import { isW3cTemporal } from '../w3c-temporal.js';
import { anaFor, type EncodeContext } from './encode-context.js';

/** Attributes of a `date`: where it was found, its ISO value, precision when not evident, why inferred. */
export function dateAttrs(value: DateValue, ctx: EncodeContext): AttrInput {
  const implied = impliedPrecision(value);
  const precision =
    value.precision === implied ? undefined : (value.precision ?? (implied !== undefined ? UNSPECIFIED_PRECISION : undefined));
  return [
    ['type', value.origin],
    ['subtype', precision],
    ...temporal('when', value.when),
    ...temporal('notBefore', value.notBefore),
    ...temporal('notAfter', value.notAfter),
    ['ana', anaFor(ctx, value.inferred)],
  ];
}

/**
 * @when and its kin take W3C values only; a normalisation no W3C type holds (a day and a time
 * without a year) goes in TEI's `-custom` twin, so the file stays valid and the value is kept.
 */
function temporal(name: 'when' | 'notBefore' | 'notAfter', value: string | undefined): AttrInput {
  if (value === undefined) return [];
  return isW3cTemporal(value) ? [[name, value]] : [[`${name}-custom`, value]];
}
