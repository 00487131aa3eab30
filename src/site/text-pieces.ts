/**
 * A large file (the index, a browse page, an edition download) made of many small strings, joined
 * once at the end. Built with `+=` and nested templates, V8 made it a tree of string pieces several
 * megabytes long, which the writer then had to walk to flatten before encoding it — costlier than
 * making the pieces. Encoding the pieces one by one into a buffer was tried too, and was slower in
 * a process holding 10,000 entries: the large buffers outside the heap brought on full collections.
 */
export class TextPieces {
  private readonly pieces: string[] = [];

  push(...pieces: string[]): void {
    for (const piece of pieces) this.pieces.push(piece);
  }

  text(): string {
    return this.pieces.join('');
  }
}
