export { parseDate, type DateContext } from './parse-date.js';
export { findDateAtStart, findDates, type FoundDate } from './find-dates.js';
export { parseClockTime, type ClockTime } from './parse-time.js';
export { resolveTwoDigitYear } from './resolve-year.js';
