/**
 * W3CDTF as both DC schemas check it: xs:gYear, gYearMonth, date or dateTime (seconds required).
 * A minute-precision time ("1965-10-29T17:00") gets ":00" so it stays a valid xs:dateTime.
 */
const W3CDTF = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function toW3cdtf(iso: string): string | undefined {
  const value = /T\d{2}:\d{2}$/.test(iso) ? `${iso}:00` : iso;
  return W3CDTF.test(value) ? value : undefined;
}
