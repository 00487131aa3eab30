import type { DateOrigin, DatePrecision, DateValue } from '../../model/dates.js';
import { impliedPrecision, UNSPECIFIED_PRECISION } from '../date-precision.js';
import { oneOf } from '../vocabulary.js';
import { attr, type XElement } from '../xml/xml-tree.js';
import { inferredFrom, setIf, type DecodeContext } from './decode-context.js';

const ORIGINS: readonly DateOrigin[] = ['catalogue', 'uploaded', 'title', 'citation', 'text', 'closer', 'meeting', 'heading'];
const PRECISIONS: readonly DatePrecision[] = ['year', 'month', 'day', 'minute', 'second'];

/** A `date` element's attributes back to a DateValue; `verbatim` is its text as the source wrote it. */
export function decodeDateValue(e: XElement, verbatim: string, fallbackOrigin: DateOrigin, ctx: DecodeContext): DateValue {
  const type = attr(e, 'type');
  const value: DateValue = { verbatim, origin: oneOf(ORIGINS, type) ? type : fallbackOrigin };
  // The encoder writes a value no W3C type holds in the -custom twin of the attribute.
  setIf(value, 'when', attr(e, 'when') ?? attr(e, 'when-custom'));
  setIf(value, 'notBefore', attr(e, 'notBefore') ?? attr(e, 'notBefore-custom'));
  setIf(value, 'notAfter', attr(e, 'notAfter') ?? attr(e, 'notAfter-custom'));
  const subtype = attr(e, 'subtype');
  const precision = oneOf(PRECISIONS, subtype) ? subtype : subtype === UNSPECIFIED_PRECISION ? undefined : impliedPrecision(value);
  setIf(value, 'precision', precision);
  setIf(value, 'inferred', inferredFrom(ctx, e));
  // Keep the documented key order of DateValue for readable diffs.
  const ordered: DateValue = { verbatim: value.verbatim, origin: value.origin };
  for (const k of ['when', 'notBefore', 'notAfter', 'precision'] as const) setIf(ordered, k, value[k]);
  setIf(ordered, 'inferred', value.inferred);
  return ordered;
}
