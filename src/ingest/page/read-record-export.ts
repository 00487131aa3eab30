import type { SourceLine } from '../source-lines.js';
import { isChrome } from './chrome.js';
import { type LabelKey, labelKey, labelText } from './labels.js';
import { boldText, isBlank, isGapMarkLine, looksLikeDate, looksLikeHeaderDate, matchFunderLine } from './line-kinds.js';
import { emptyDraft, type Located, type PageDraft } from './page-draft.js';
import { paragraphs } from './units.js';

interface Section {
  key: LabelKey | undefined;
  label: SourceLine;
  values: SourceLine[];
}

function joinLines(lines: readonly SourceLine[]): string {
  return lines.map((l) => l.text.trimEnd()).join('\n').trim();
}

function fillSection(s: Section, draft: PageDraft): void {
  const name = labelText(s.label.text);
  const nonBlank = s.values.filter((l) => !isBlank(l.text));
  if (nonBlank.length === 0) {
    draft.emptyFields.push({ text: name, line: s.label.line });
    return;
  }
  const whole: Located = { text: joinLines(s.values), line: nonBlank[0]!.line };
  // Paragraphs only for the two fields that keep them: the other sections need not split.
  const paras = (): Located[] => paragraphs(s.values).map((u) => ({ text: u.text, line: u.line }));
  switch (s.key) {
    case 'citation':
      draft.citation = whole;
      break;
    case 'summary':
      draft.summary = { text: paras().map((p) => p.text).join('\n\n'), line: whole.line };
      break;
    case 'credits':
    case 'funders':
      for (const l of nonBlank) {
        const f = matchFunderLine(l.text);
        if (f) draft.funderLines.push({ text: f.list, line: l.line });
        else draft.tailFunders.push({ text: l.text.trim(), line: l.line });
      }
      break;
    case 'original-language':
      draft.originalLanguage = whole;
      break;
    case 'contents':
      for (const l of nonBlank) draft.contents.push({ text: l.text.trim(), line: l.line });
      break;
    case 'rights':
      draft.rights.push(...paras());
      break;
    case 'record-id':
      draft.recordId = whole;
      break;
    case 'document-type':
      draft.documentType = whole;
      break;
    case 'uploaded-date':
      draft.uploadedDate = whole;
      break;
    case 'original-archive':
      draft.archiveNames.push(whole);
      break;
    default:
      draft.extraFields.push({ label: name, value: whole.text, line: whole.line });
  }
}

/**
 * Record export (seed 000): bold date and title, bold labelled blocks, then the text between
 * "[...]" lines. The "[...]" marks are the export's own, kept as omission gaps.
 */
export function readRecordExport(lines: readonly SourceLine[]): PageDraft {
  const draft = emptyDraft('record-export');
  let section: Section | undefined;
  let bodyStart = -1;
  let sawBlankAfterValue = false;
  // Whether the open section has a non-blank value yet: a flag, not a rescan at every blank line.
  let valueSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlank(l.text)) {
      if (section && valueSeen) sawBlankAfterValue = true;
      if (section) section.values.push(l);
      continue;
    }
    const bold = boldText(l.text);
    const key = labelKey(l.text);
    if (key !== undefined || (bold !== undefined && bold.endsWith(':'))) {
      if (section) fillSection(section, draft);
      section = { key, label: l, values: [] };
      sawBlankAfterValue = false;
      valueSeen = false;
      continue;
    }
    if (section && isGapMarkLine(l.text)) {
      draft.gapBefore = l;
      bodyStart = i + 1;
      break;
    }
    // Contents is the last labelled block; without a "[...]" line the text starts after its value.
    if (section && section.key === 'contents' && sawBlankAfterValue) {
      bodyStart = i;
      break;
    }
    if (section) {
      section.values.push(l);
      valueSeen = true;
      continue;
    }
    if (isChrome(l.text)) draft.chrome.push(l);
    else if (bold !== undefined && draft.date === undefined && (looksLikeDate(bold) || (draft.title === undefined && looksLikeHeaderDate(bold))))
      draft.date = { text: bold, line: l.line };
    else if (bold !== undefined && draft.title === undefined) draft.title = { text: bold, line: l.line };
    else draft.extraFields.push({ label: 'Unlabelled', value: l.text.trim(), line: l.line });
  }
  if (section) fillSection(section, draft);
  if (bodyStart < 0) {
    const last = lines[lines.length - 1];
    draft.truncated = { line: last ? last.line : 1, missing: 'the text of the document' };
    return draft;
  }
  let end = lines.length;
  while (end > bodyStart && isBlank(lines[end - 1]!.text)) end--;
  const lastLine = lines[end - 1];
  if (end > bodyStart && lastLine && isGapMarkLine(lastLine.text)) {
    draft.gapAfter = lastLine;
    draft.body = lines.slice(bodyStart, end - 1);
  } else {
    draft.body = lines.slice(bodyStart);
    // The export closes the text with a "[...]" line; without it the page was cut short.
    if (draft.gapBefore) draft.truncated = { line: lastLine ? lastLine.line : bodyStart + 1, missing: 'the closing "[...]" line after the text' };
  }
  return draft;
}
