import type { Inline } from './inline.js';

/** Structural blocks of the body, in source order. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | FieldsBlock
  | SaluteBlock
  | ListBlock
  | SpeechBlock
  | CloserBlock
  | NotesBlock
  | MarkingBlock
  | SeparatorBlock
  | GapBlock
  | DocumentBlock;

/** A heading in the text; often the title repeated or reworded. */
export interface HeadingBlock {
  kind: 'heading';
  content: Inline[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** A paragraph number as written, with its punctuation: "1.", "(1)", "1)", "I.", "a.". */
  number?: string;
  content: Inline[];
}

/** One labelled line of a meeting or memo header: "Time: …", "Korean side: …". */
export interface Field {
  /** Label as written without the separator: "Date and Time", "Korean side". */
  label: string;
  /** Separator and spacing as written between label and value: ": ", ":". */
  separator: string;
  /** Normalised role of the label, when it is a known one. */
  role?:
    | 'time'
    | 'date'
    | 'place'
    | 'participants'
    | 'interpreter'
    | 'recorder'
    | 'observer'
    | 'to'
    | 'from'
    | 'subject'
    | 'classification'
    | 'copy'
    | 'sent'
    | 'received'
    | 'other';
  value: Inline[];
}

/** Meeting/memo/transmission header: structured label-value lines. */
export interface FieldsBlock {
  kind: 'fields';
  fieldsType: 'meeting' | 'memo' | 'transmission';
  fields: Field[];
}

/** Addressee line or salutation: "[To the] Ministry of Foreign Affairs …:", "Dear …,". */
export interface SaluteBlock {
  kind: 'salute';
  content: Inline[];
}

export interface ListItem {
  /** Label as written: "1.", "(a)", "-", "•". */
  label?: string;
  content: Inline[];
}

export interface ListBlock {
  kind: 'list';
  listType: 'numbered' | 'bulleted' | 'dash' | 'distribution';
  items: ListItem[];
}

/** Speaker-labelled dialogue: "Kim: …", "KIM.", "North (NAME): …", "Cde. Name—…". */
export interface SpeechBlock {
  kind: 'speech';
  /** The speaker label as written (may include glosses and aliases). */
  speaker: Inline[];
  /** The separator as written: ": ", ".", "—", " : ". */
  separator: string;
  /** Entity id of the speaker. */
  who?: string;
  content: Inline[];
}

export type CloserLine =
  | { kind: 'signed'; content: Inline[] }
  | { kind: 'dateline'; content: Inline[] }
  | { kind: 'other'; content: Inline[] };

/** Signature block: signer lines ("Yang Yong and Hao Deqing", "/I. SURNAME/"), dateline, office titles. */
export interface CloserBlock {
  kind: 'closer';
  lines: CloserLine[];
}

export interface Note {
  /** Stable id within the cable (xml:id-safe), used by NoteRefSegment.target. */
  id: string;
  /** The marker as written ("1", "*"). */
  n: string;
  noteType: 'footnote' | 'translator';
  content: Inline[];
}

/** A footnote or "Translator's Notes" section. */
export interface NotesBlock {
  kind: 'notes';
  heading?: Inline[];
  notes: Note[];
}

/** Classification, copy and registry numbers, urgency, transmission data, distribution, review notes. */
export interface MarkingBlock {
  kind: 'marking';
  markingType: 'classification' | 'copy' | 'registry' | 'urgency' | 'transmission' | 'distribution' | 'review' | 'other';
  content: Inline[];
}

/** A separator line ("* * *", "-----"), kept verbatim. */
export interface SeparatorBlock {
  kind: 'separator';
  text: string;
}

/** A block-level omission: the "[...]" markers of a record export, or a page cut off (reason truncated, text ""). */
export interface GapBlock {
  kind: 'gap';
  text: string;
  reason: 'omitted' | 'truncated';
}

/** A separate document on the same page: an enclosure, an attachment, a dated journal entry. */
export interface DocumentBlock {
  kind: 'document';
  documentType?: string;
  blocks: Block[];
}
