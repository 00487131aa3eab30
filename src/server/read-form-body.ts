import type { IncomingMessage } from 'node:http';

/** Reads a request body up to `limit` bytes; undefined when it is larger (the caller answers 413). */
export function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form or query arguments as a multimap: repeated names are kept so the protocol can reject them. */
export function toMultimap(search: URLSearchParams): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [k, v] of search) {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  }
  return map;
}
