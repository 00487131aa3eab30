import type { DateValue } from './dates.js';

/**
 * Inline segments of running text. Concatenating the reading text of the segments of a block
 * (see `readingText` in ./reading-text.ts) gives back the source text of that block exactly:
 * every delimiter, label and mark the source showed is kept, either as text or as `delimiter`.
 */
export type Inline =
  | TextSegment
  | SuppliedSegment
  | GlossSegment
  | SicSegment
  | GapSegment
  | UnclearSegment
  | EditorialSegment
  | StampSegment
  | TranslatorNoteSegment
  | QuoteSegment
  | DateSegment
  | MentionSegment
  | NoteRefSegment
  | PageBreakSegment
  | LineBreakSegment;

/**
 * How the source delimited an editorial intervention:
 * square "[x]", double-square "[[x]]", round "(x)", square-open "[x" (never closed in the source),
 * none (a bare mark such as "…").
 */
export type Delimiter = 'square' | 'double-square' | 'round' | 'square-open' | 'none';

export interface TextSegment {
  kind: 'text';
  text: string;
}

/** Words the translator added: "[To the]", "[We]". */
export interface SuppliedSegment {
  kind: 'supplied';
  text: string;
  delimiter: Delimiter;
}

/**
 * Identification ("[North] Korea", "[Jiao Ruoyu]", "[1965]") or explanation ("[the Korean War]", "[i.e., …]").
 * 'unclassified': bracketed editorial text whose act (added word vs gloss) the classifier could not tell;
 * encoded neutrally and reported.
 */
export interface GlossSegment {
  kind: 'gloss';
  glossType: 'identification' | 'explanation' | 'unclassified';
  content: Inline[];
  delimiter: Delimiter;
}

/**
 * "[sic]" after a word or a whole gloss. `marker` is verbatim ("sic", "sic!") without its delimiter.
 * The flagged text itself stays in the preceding segment: the source does not say how far it reaches.
 */
export interface SicSegment {
  kind: 'sic';
  marker: string;
  delimiter: Delimiter;
}

/** "[...]", "[…]", "[. . .]", "[….]", a bare "…" mid-sentence. `text` is the mark between the delimiters. */
export interface GapSegment {
  kind: 'gap';
  text: string;
  delimiter: Delimiter;
  reason?: 'omitted' | 'illegible' | 'truncated' | 'redacted';
}

/** Uncertain reading in double brackets: "[[11]]", "2[[0]]" (only the "0" is unclear). */
export interface UnclearSegment {
  kind: 'unclear';
  text: string;
  delimiter: Delimiter;
}

/**
 * Other editorial remarks the source carries, kept verbatim:
 * "[emphasis in the original]", "[no name given]", "[illegible signature]", "(redacted)",
 * a query "[26?]", a review note "(Not yet proofread)", "[signature]".
 */
export interface EditorialSegment {
  kind: 'editorial';
  editorialType: 'emphasis' | 'no-name' | 'illegible-signature' | 'signature' | 'redacted' | 'query' | 'review' | 'other';
  text: string;
  delimiter: Delimiter;
}

/** "[stamp: …]", "[handwritten: …]", possibly over several lines and unbalanced (delimiter 'square-open'). */
export interface StampSegment {
  kind: 'stamp';
  stampType: 'stamp' | 'handwriting';
  /** The label as written, including its colon and following space: "handwritten: ". */
  label: string;
  content: Inline[];
  delimiter: Delimiter;
}

/** "[Translator's note: …]", "[trans. note—…]", "[… – trans.]": `content` keeps the label text verbatim. */
export interface TranslatorNoteSegment {
  kind: 'translatorNote';
  content: Inline[];
  delimiter: Delimiter;
}

/** Quoted speech. `open`/`close` are the quote marks as written ("“", "”", "\""), "" when missing. */
export interface QuoteSegment {
  kind: 'quote';
  open: string;
  close: string;
  content: Inline[];
  /** Entity id of the speaker when the text says who speaks. */
  who?: string;
}

/** A date in the running text; `content` is its verbatim text (may contain supplied/gloss parts). */
export interface DateSegment {
  kind: 'date';
  content: Inline[];
  value: DateValue;
}

/** A person, organisation or place named in the text, pointing to an entry in `Cable.entities`. */
export interface MentionSegment {
  kind: 'mention';
  entityKind: 'person' | 'org' | 'place';
  ref: string;
  content: Inline[];
}

/** A footnote marker: "[1]", "(1)" glued to a word, or a bare digit after punctuation. */
export interface NoteRefSegment {
  kind: 'noteRef';
  n: string;
  style: 'square' | 'round' | 'bare';
  /** id of the note in a notes block, when one was found. */
  target?: string;
}

/** "(p. 1)": `text` is verbatim inside the delimiters ("p. 1"), `n` the page number. */
export interface PageBreakSegment {
  kind: 'pageBreak';
  n: string;
  text: string;
  delimiter: Delimiter;
}

/** A line break inside one block (address lines, a stamp spread over lines). */
export interface LineBreakSegment {
  kind: 'lineBreak';
}
