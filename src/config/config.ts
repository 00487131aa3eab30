/** The settings of one edition, read from `cablekit.config.json` (schema: schemas/cablekit.config.schema.json). */
export interface CablekitConfig {
  /** Folder of source pages (text files), relative to the config file. */
  sourcesDir: string;
  /** Folder of TEI files: the scholarly master, hand edits allowed. */
  teiDir: string;
  /** Folder of derived outputs (iiif/, dc/, site/, …). */
  outputDir: string;
  /** Absolute base URL under which `outputDir` is published (no trailing slash): IIIF ids, links. */
  baseUrl: string;
  /** Name of the collection (IIIF collection label, OAI repositoryName). */
  collectionName: string;
  /** Publisher of the digital edition (DC publisher, TEI publicationStmt). */
  publisher: string;
  /** Rights statement URI for the whole collection (TEI licence/@target, IIIF rights, DC rights). */
  rightsUri: string;
  /** Institution shown as IIIF provider. */
  provider: { name: string; homepage: string };
  /** OAI-PMH settings. */
  oai: {
    repositoryIdentifier: string;
    adminEmail: string;
    earliestDatestamp?: string;
    /** The record store: "sqlite" (default), "postgres" (PG* environment variables) or a postgres:// URL. */
    store?: string;
  };
  /** Optional folder with one sub-folder of page images per document id. */
  imagesDir?: string;
  /** Optional IIIF Image API service URL template, "{id}" replaced by "<doc id>/<file stem>". */
  imageServiceTemplate?: string;
  /** Optional authority file (JSON) with coordinates and authority ids for places and persons. */
  authorityFile?: string;
  /**
   * The edition's own name register (CSV, or TEI listPerson/listOrg/listPlace as .xml), relative
   * to the config file; it wins over cablekit's. Default: names.csv or names.xml beside the config, if there.
   */
  namesFile?: string;
  /** Folder of the reading edition inside `outputDir` (default 'site'); also its path under `baseUrl`. */
  siteDir?: string;
  /**
   * Pages per part of the reading edition's search index (default 500): a build indexes again only
   * the parts whose pages changed; smaller parts make that faster and the search page load more files.
   */
  searchPagesPerShard?: number;
  /** Deposit packages (`cablekit package`); with `formats`, every build also writes them. */
  packages?: PackagesConfig;
}

export interface PackagesConfig {
  /** Formats every build packages after it has written the outputs ('all' or names); none when absent. */
  formats?: string[];
  /** Where packages go, relative to the config file (default: packages/ beside the output folder). */
  outDir?: string;
  /** Also one BagIt bag for the whole edition. */
  editionBag?: boolean;
  /** DSpace collection handle written into each SAF item's `collections` file. */
  safCollection?: string;
}

export const DEFAULT_CONFIG: CablekitConfig = {
  sourcesDir: 'sources',
  teiDir: 'tei',
  outputDir: 'output',
  baseUrl: 'http://127.0.0.1:8080',
  collectionName: 'cablekit sample edition',
  publisher: 'cablekit sample edition',
  rightsUri: 'http://rightsstatements.org/vocab/UND/1.0/',
  provider: { name: 'cablekit sample edition', homepage: 'http://127.0.0.1:8080/' },
  oai: { repositoryIdentifier: 'cablekit.example.org', adminEmail: 'editor@cablekit.example.org' },
};
