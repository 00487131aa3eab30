/** Calendar checks and ISO 8601 formatting; a date that does not exist is never normalised. */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDay(year: number | undefined, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "1965", "1965-10", "1965-10-29"; "--10-29" (xs:gMonthDay) when the year is unknown. */
export function isoDate(year: number | undefined, month?: number, day?: number): string {
  if (year === undefined) return `--${pad(month ?? 0)}-${pad(day ?? 0)}`;
  let out = pad(year, 4);
  if (month !== undefined) out += `-${pad(month)}`;
  if (month !== undefined && day !== undefined) out += `-${pad(day)}`;
  return out;
}

/** "17:00:00" (xs:time); seconds are written as 00 when the source gives only minutes. */
export function isoTime(hour: number, minute: number, second = 0): string {
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}
