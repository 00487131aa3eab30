import { complete, type DateContext, type DayParts } from './date-parts.js';
import { monthFromName, monthFromRoman } from './month-names.js';
import { parseNumeric } from './parse-numeric.js';

/** One calendar date without a time: every written form of input-formats.md. */
export function parseDay(text: string, context: DateContext): DayParts | undefined {
  const tokens = (text.includes('of') ? text.replace(/\bof\b/g, ' ') : text).split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 1 && /[./-]/.test(tokens[0]!) && !/^[a-z]+\.$/.test(tokens[0]!)) {
    return parseNumeric(tokens[0]!, context);
  }
  if (tokens.length === 2 && /^\d{1,2}$/.test(tokens[0]!) && monthFromRoman(tokens[1]!) !== undefined) {
    return complete(undefined, monthFromRoman(tokens[1]!), Number(tokens[0]), context);
  }
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  const order: string[] = [];
  for (const token of tokens) {
    const m = monthFromName(token);
    if (m !== undefined && month === undefined) {
      month = m;
      order.push('M');
    } else if (/^\d{4}$/.test(token) && year === undefined) {
      year = Number(token);
      order.push('Y');
    } else if (/^\d{1,2}$/.test(token) && day === undefined) {
      day = Number(token);
      order.push('D');
    } else return undefined;
  }
  const shape = order.join('');
  const allowed = ['Y', 'MY', 'YM', 'MDY', 'DMY', 'YMD', 'DM', 'MD'];
  if (!allowed.includes(shape)) return undefined;
  if (year !== undefined && (year < 1000 || year > 2999)) return undefined;
  return complete(year, month, day, context);
}
