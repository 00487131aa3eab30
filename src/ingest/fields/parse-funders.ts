/** Funder names that themselves hold a comma; a list split on commas must keep them whole. */
const COMMA_NAMES = ['Syngman Rhee Institute, Yonsei University'];
const INSTITUTION_END = /\b(?:Institute|Center|Centre|School|College|Program|Programme|Department|Faculty)$/;
const PARENT_BODY = /^(?:[A-Z][\w'-]* )*University\b|^University of\b/;

/**
 * "X", "X, Y and Z", "Syngman Rhee Institute, Yonsei University, and W" → one name per funder,
 * as written. A comma inside a name (an institute of a university) is told from a list comma by
 * a small table and by the shape "<…Institute>, <… University>".
 */
export function parseFunders(list: string): string[] {
  let text = list.trim().replace(/\.$/, '').trim();
  if (!text) return [];
  const kept: string[] = [];
  for (const name of COMMA_NAMES) {
    if (text.includes(name)) {
      kept.push(name);
      text = text.split(name).join(`\u0000${kept.length - 1}\u0000`);
    }
  }
  const parts = text
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const merged: string[] = [];
  for (const p of parts) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && INSTITUTION_END.test(prev) && PARENT_BODY.test(p)) merged[merged.length - 1] = `${prev}, ${p}`;
    else merged.push(p);
  }
  return merged.map((p) => p.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)]!));
}
