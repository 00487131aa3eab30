import type { DateValue } from '../../model/dates.js';
import { impliedPrecision, UNSPECIFIED_PRECISION } from '../date-precision.js';
import type { AttrInput } from '../xml/xml-tree.js';
import { anaFor, type EncodeContext } from './encode-context.js';

/** Attributes of a `date`: where it was found, its ISO value, precision when not evident, why inferred. */
export function dateAttrs(value: DateValue, ctx: EncodeContext): AttrInput {
  const implied = impliedPrecision(value);
  const precision =
    value.precision === implied ? undefined : (value.precision ?? (implied !== undefined ? UNSPECIFIED_PRECISION : undefined));
  return [
    ['type', value.origin],
    ['subtype', precision],
    ['when', value.when],
    ['notBefore', value.notBefore],
    ['notAfter', value.notAfter],
    ['ana', anaFor(ctx, value.inferred)],
  ];
}
