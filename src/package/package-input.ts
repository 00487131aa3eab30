import type { Cable } from '../model/cable.js';

/** One file of a document as the packages carry it: a path inside the package and its bytes. */
export interface PackageFile {
  /** '/'-separated, relative, never absolute and never with '.' or '..' segments. */
  path: string;
  bytes: Uint8Array;
}

/** What is known about one document when it is packaged: read and checked by the edge, pure data here. */
export interface PackageDocument {
  /** The cable as decoded from its (valid) TEI file; packages describe the document, never read its text. */
  cable: Omit<Cable, 'body'>;
  /** The TEI file's bytes, exactly as on disk. */
  tei: Uint8Array;
  /** The derived records the build wrote for it (Dublin Core, IIIF manifest), by role. */
  derived: DerivedRecords;
  /** The source page the TEI was encoded from, when it is still in the sources folder. */
  source?: { fileName: string; bytes: Uint8Array };
  /** When the document last changed: the latest revisionDesc/change/@when of the TEI (UTC, RFC 3339). */
  revisedAt: string;
}

export interface DerivedRecords {
  oaiDc: Uint8Array;
  qualifiedDc: Uint8Array;
  iiifManifest: Uint8Array;
  /** The document's reading-edition page, when the build wrote one. */
  sitePage?: Uint8Array;
}

/** Settings every format reads. */
export interface PackageSettings {
  /** Who holds the edition (bag-info Source-Organization, METS agent, OCFL user). */
  organisation: string;
  /** A URI for the organisation (OCFL user address), e.g. the provider's homepage. */
  organisationUri: string;
  /** Public base URL of the outputs (no trailing slash). */
  baseUrl: string;
  collectionName: string;
  rightsUri: string;
  toolName: string;
  toolVersion: string;
  /** DSpace collection handle for SAF's `collections` file ('123456789/2'); without it, none is written. */
  safCollection?: string;
}
