/**
 * Whether a value is one of the W3C temporal forms the cable TEI profile allows in @when,
 * @notBefore and @notAfter (schemas/cable-tei.rng, data.temporal: xs:date, xs:time, xs:gYear,
 * xs:gYearMonth, xs:gMonthDay, xs:dateTime), lexical form and field ranges both.
 */
const ZONE = '(?:Z|[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00))?';
const YEAR = '-?(?:[1-9]\\d{4,}|\\d{4})';
const MONTH = '(?:0[1-9]|1[0-2])';
const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const TIME = '(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?|24:00:00(?:\\.0+)?)';
const FORMS = new RegExp(
  `^(?:${YEAR}(?:-${MONTH}(?:-${DAY}(?:T${TIME})?)?)?|--${MONTH}-${DAY}|${TIME})${ZONE}$`,
);

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isW3cTemporal(value: string): boolean {
  if (!FORMS.test(value)) return false;
  // Day within its month (29 February is checked against the year when there is one).
  const md = value.startsWith('--') ? /^--()(\d{2})-(\d{2})/.exec(value) : /^(-?\d{4,})-(\d{2})-(\d{2})/.exec(value);
  if (!md) return true;
  const month = Number(md[2]);
  const day = Number(md[3]);
  if (day > DAYS[month - 1]!) return false;
  if (month === 2 && day === 29 && md[1] !== '') {
    const y = Number(md[1]);
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  }
  return true;
}
