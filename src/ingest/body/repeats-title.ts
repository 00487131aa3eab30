/**
 * The title repeated, its quoted part ("Cable from X, 'On the Situation …'" → "On the Situation …"),
 * or a rewording of it that keeps most of its words, as the first line of the text.
 */
export function repeatsTitle(line: string, title: string | undefined): boolean {
  if (title === undefined || line.length > 300 || /[.!?;:,]$/.test(line.trim())) return false;
  const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const a = fold(line);
  if (a.length < 4) return false;
  const quoted = /['‘“"]([^'’”"]{4,})['’”"]\s*$/u.exec(title);
  const candidates = [fold(title), ...(quoted ? [fold(quoted[1]!)] : [])];
  return candidates.some((b) => a.includes(b) || (b.includes(a) && a.length * 3 >= b.length * 2) || sharesMostWords(a, b));
}

function sharesMostWords(a: string, b: string): boolean {
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return wa.size >= 3 && shared / wa.size >= 0.75 && shared / wb.size >= 0.6;
}
