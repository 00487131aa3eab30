/**
 * The `when` of a new TEI revision: now, to the second, in UTC — or SOURCE_DATE_EPOCH when set,
 * the reproducible-builds convention, so two clean builds can be compared byte for byte.
 */
export function revisionTimestamp(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
