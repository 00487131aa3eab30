/** "<https://…>" or a bare http(s) URL; the trailing sentence punctuation is not part of it. */
const URL = /<(https?:\/\/[^\s<>]+)>|(https?:\/\/[^\s<>"”]+)/g;

/** Every URL in `text`, in order, and the text with them removed (for parsing what is left). */
export function extractUrls(text: string): { urls: string[]; rest: string } {
  const urls: string[] = [];
  URL.lastIndex = 0;
  const rest = text.replace(URL, (_m, angled: string | undefined, bare: string | undefined) => {
    let u = angled ?? bare ?? '';
    if (angled === undefined) u = u.replace(/[.,;:)\]]+$/, '');
    urls.push(u);
    return ' ';
  });
  return { urls, rest };
}

const DOCUMENT_ID = /\/document\/(\d+)(?:[/?#]|$)/;

/** The archive's numeric document id in a "/document/<id>" URL ("/document/<slug>" and "/node/<id>" have none). */
export function documentIdFromUrl(url: string): string | undefined {
  return DOCUMENT_ID.exec(url)?.[1];
}
