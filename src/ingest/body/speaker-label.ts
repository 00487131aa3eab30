import { fieldRole, isPersonName } from './fields.js';

/** A speaker-labelled line: the label as written, its separator, the speech, and who it names. */
export interface SpeakerLine {
  label: string;
  separator: string;
  rest: string;
  /** The name the label gives: the bracketed identification when there is one, else the label itself. */
  name: string;
  /** Other forms the label declares: the bare label next to a gloss, "(to be abbreviated as Z)". */
  aliases: string[];
}

const NOT_SPEAKERS =
  /^(?:q|a|notes?|n\.?b\.?|p\.?s\.?|attachments?|enclosures?|appendix|annex|summary|source|sources|comment|comments|remark|remarks|reference|conclusion|conclusions|agenda|question|answer|result|results|item|items|signed|translation|original|text|content|contents|topic|topics|draft|proposal|title|author|please note|memorandum|telegram|cable|report|record|journal|protocol|minutes|copy|urgent|secret|top secret|confidential|conclusion|subject|information|letter|statement|resolution|decision|order|directive|instruction|instructions)$/i;
const CONNECTOR = /^(?:of|the|de|van|von|der|al|bin|la|le|du|and)$/;
const LABEL_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|\p{Lu}\.|\p{Lo}+)$/u;
const ALIAS_DECLARATION = /^(?:to be abbreviated as|hereafter|hereinafter|henceforth(?: referred to as)?|abbreviated as|below)\s+(.+?)[.,]?$/i;

const COLON_LABEL = /^([^:\n]{1,90}?)([ \t\u00a0]*:[ \t\u00a0]*)(.*)$/;
const CAPS_LABEL = /^(\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+){0,2})(\.(?:[ \t\u00a0]+|$))(.*)$/u;
const DASH_LABEL = /^((?:Cde\.|Comrade|Com\.|Mr\.|Mrs\.|Ms\.|Dr\.)[ \u00a0]+\p{Lu}[\p{L}'’.-]*(?:[ \u00a0]+\p{Lu}[\p{L}'’.-]*){0,2})([ \u00a0]*[—–][ \u00a0]*)(.*)$/u;
const ROMAN = /^[IVXLC]+$/;

/** Reads a speaker label at the start of a line, in any of the shapes of input-formats.md. */
export function parseSpeakerLine(line: string): SpeakerLine | undefined {
  const text = line.replace(/^[\s\u00a0]+/, '');
  const dash = DASH_LABEL.exec(text);
  if (dash) return make(dash[1]!, dash[2]!, dash[3]!);
  const caps = CAPS_LABEL.exec(text);
  // "KIM. We think …": a capitals label needs its speech on the same line ("MEMORANDUM." alone is a heading).
  if (caps && !ROMAN.test(caps[1]!) && /^\S/.test(caps[3]!) && !NOT_SPEAKERS.test(caps[1]!)) {
    return make(caps[1]!, caps[2]!, caps[3]!);
  }
  const colon = text.includes(':') ? COLON_LABEL.exec(text) : null;
  if (!colon) return undefined;
  const label = colon[1]!;
  if (!isLabelShaped(label) || fieldRole(label) || NOT_SPEAKERS.test(label.trim())) return undefined;
  return make(label, colon[2]!, colon[3]!);
}

/** A label is a name, maybe with glosses and declarations in brackets: "North (Kim)", "X [Y] (to be abbreviated as Z)". */
function isLabelShaped(label: string): boolean {
  const core = label.replace(/\[[^\]]*\]|\([^)]*\)/g, ' ').trim();
  if (/[[\]()“”"]/.test(core)) return false;
  const words = core.split(/[\s\u00a0]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 6) return false;
  if (!LABEL_WORD.test(words[0]!)) return false;
  return words.every((w) => LABEL_WORD.test(w) || CONNECTOR.test(w));
}

function make(label: string, separator: string, rest: string): SpeakerLine {
  const aliases: string[] = [];
  let name = label.replace(/\[[^\]]*\]|\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const core = name;
  for (const m of label.matchAll(/\[([^\]]*)\]|\(([^)]*)\)/g)) {
    const inner = (m[1] ?? m[2] ?? '').trim();
    const declared = ALIAS_DECLARATION.exec(inner);
    if (declared) aliases.push(declared[1]!.replace(/^["“]|["”]$/g, ''));
    else if (isPersonName(inner)) {
      if (m[1] !== undefined && name === core && isPersonName(core)) {
        // "Kim [Il Sung]" completes the name; "Kim [Kim Il Sung]" repeats it in full.
        aliases.push(core);
        name = inner.includes(core) ? inner : `${core} ${inner}`;
      } else name = inner; // "Chairman [Mao Zedong]", "North (Kim)": the brackets name him
    }
  }
  return { label, separator, rest, name, aliases: aliases.filter((a) => a !== name) };
}
