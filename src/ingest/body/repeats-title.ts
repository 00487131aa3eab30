const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const NOT_ASCII_LETTER_OR_DIGIT = /[^a-z0-9]+/g;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Lower case, every run of characters other than letters and digits one space, trimmed. In ASCII
 * text (most lines and titles) the letters and digits are a–z and 0–9 once lower-cased, and that
 * class is about twice as fast to search as the Unicode property classes.
 */
function fold(s: string): string {
  const lower = s.toLowerCase();
  return lower.replace(ASCII.test(lower) ? NOT_ASCII_LETTER_OR_DIGIT : NOT_LETTER_OR_DIGIT, ' ').trim();
}

/**
 * The title repeated, its quoted part ("Cable from X, 'On the Situation …'" → "On the Situation …"),
 * or a rewording of it that keeps most of its words, as the first line of the text.
 */
export function repeatsTitle(line: string, title: string | undefined): boolean {
  if (title === undefined || line.length > 300 || /[.!?;:,]$/.test(line.trim())) return false;
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
