/** Characters RFC 3986 allows in a URI (percent-escapes included). */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

/**
 * An http(s) URL from the source as a valid absolute URI (non-ASCII percent-encoded by the WHATWG
 * parser), or undefined when it cannot be one: IIIF ids must be URIs.
 */
export function webUrl(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text.trim())) return undefined;
  try {
    const href = new URL(text.trim()).href;
    return URI_CHARACTERS.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}
