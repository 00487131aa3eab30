/**
 * A large file (the index, a browse page, an edition download) made of many small strings, encoded
 * to UTF-8 piece by piece into one buffer. Joining the pieces into one string first made V8 build,
 * flatten and then encode a string of several megabytes — as two bytes a character as soon as one
 * name in the edition has a character above U+00FF — which cost more than making the pieces.
 */
export class Utf8Pieces {
  private readonly pieces: string[] = [];

  push(...pieces: string[]): void {
    for (const piece of pieces) this.pieces.push(piece);
  }

  /** Each piece's string in turn (for `push(...)` of a list). */
  pushAll(pieces: readonly string[]): void {
    for (const piece of pieces) this.pieces.push(piece);
  }

  bytes(): Uint8Array {
    const lengths = new Array<number>(this.pieces.length);
    let total = 0;
    for (let i = 0; i < this.pieces.length; i++) total += lengths[i] = Buffer.byteLength(this.pieces[i]!, 'utf8');
    const out = Buffer.allocUnsafe(total);
    let at = 0;
    for (let i = 0; i < this.pieces.length; i++) at += out.write(this.pieces[i]!, at, lengths[i]!, 'utf8');
    if (at !== total) throw new Error(`UTF-8 pieces: wrote ${at} of ${total} bytes`);
    return out;
  }
}
