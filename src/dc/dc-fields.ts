/**
 * The crosswalk's result: every Dublin Core value of one cable, independent of serialisation.
 * `to-oai-dc.ts` and `to-qualified-dc.ts` only decide element names and encoding schemes.
 */
export interface DcDate {
  value: string;
  /** True when `value` is a W3CDTF date (xs:gYear, gYearMonth, date or dateTime). */
  w3cdtf: boolean;
}

export interface DcPlace {
  name: string;
  /** DCMI Point ("east=<lon>; north=<lat>") when the authority file gave coordinates. */
  point?: string;
  /** Authority URIs of the place (GeoNames, Wikidata…), from the TEI's idno. */
  uris: string[];
}

/** A person or organisation the cable is about, with its authority URIs (Wikidata, VIAF, GND). */
export interface DcSubject {
  name: string;
  uris: string[];
}

export interface DcFields {
  /** Language tag of the English text: used for xml:lang on literal values. */
  textLanguage: string;
  title?: string;
  creators: string[];
  contributors: string[];
  abstract?: string;
  /** The publisher of the digital edition (absent when the config leaves it empty). */
  publisher?: string;
  created?: DcDate;
  /** DCMI Type of the resource. */
  dcmiType: 'Text';
  /** The document type as the source names it ("Cable", "Memorandum of Conversation"). */
  documentType?: string;
  /** MIME type of the described edition (the TEI file). */
  format: string;
  /** Link-back URLs: the source page(s) first, then the edition's own URL. */
  identifiers: string[];
  citation?: string;
  /** Archive references, verbatim. */
  sources: string[];
  originalLanguage?: { label: string; code?: string };
  /** The IIIF manifest of the cable (a different format of the same resource). */
  manifestUrl: string;
  /** The collection's rights statement URI (absent when the config leaves it empty). */
  rightsUri?: string;
  rightsTexts: string[];
  /** Persons and organisations of the cable other than its contributors and senders (dc:subject). */
  subjects: DcSubject[];
  spatial: DcPlace[];
  temporal: DcDate[];
}
