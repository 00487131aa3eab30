/**
 * Files of the edition other than sources and TEI that stages use, as the pipeline reads them
 * (src/pipeline/read-assets.ts): stages get these values and never read the disk themselves.
 */

/** A page image of a document, as found in `imagesDir/<doc id>/` (dimensions read from the file). */
export interface PageImage {
  /** File name inside the document's folder ("p001.jpg"). */
  fileName: string;
  /** File name without extension: the Image API identifier part. */
  stem: string;
  width: number;
  height: number;
  /** MIME type ("image/jpeg"). */
  format: string;
  /** The file's bytes, published next to the manifests as images/<doc id>/<fileName>. */
  bytes: Uint8Array;
}

/** One entry of a place authority file (authority/places.json). */
export interface AuthorityPlace {
  key: string;
  name: string;
  aliases: string[];
  coordinates: { lat: number; lon: number };
  authority?: { scheme: string; id: string }[];
}
