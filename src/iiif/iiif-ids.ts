import { editionUrls, type EditionUrls } from '../edition/layout.js';

/**
 * Every id cablekit writes into IIIF, in one place: absolute under the configured base URL,
 * derived only from the document id and positions, so a rebuild gives the same ids. Each kind of
 * resource has its own path segment, so no id can name two resources of different types.
 */
export interface IiifIds {
  manifest(docId: string): string;
  canvas(docId: string, position: number): string;
  paintingPage(docId: string, position: number): string;
  paintingAnnotation(docId: string, position: number): string;
  supplementingPage(docId: string, position: number): string;
  translationAnnotation(docId: string, position: number): string;
  navPlace(docId: string): string;
  navPlaceFeature(docId: string, placeKey: string): string;
  pageImage(docId: string, fileName: string): string;
  textPage(docId: string, position: number): string;
  tei(docId: string): string;
  dublinCore(docId: string): string;
  provider(): string;
  corpusCollection(): string;
  groupCollection(kind: GroupKind, slug: string): string;
}

export type GroupKind = 'archive' | 'year' | 'type';

/** IIIF ids under the edition's public URLs (src/edition/layout.ts): the one URL layout. */
export function iiifIds(urls: EditionUrls | string): IiifIds {
  const u = typeof urls === 'string' ? editionUrls(urls) : urls;
  const doc = u.iiifDocument;
  return {
    manifest: u.manifest,
    canvas: (docId, n) => `${doc(docId)}/canvas/p${n}`,
    paintingPage: (docId, n) => `${doc(docId)}/page/p${n}/painting`,
    paintingAnnotation: (docId, n) => `${doc(docId)}/annotation/p${n}-image`,
    supplementingPage: (docId, n) => `${doc(docId)}/page/p${n}/supplementing`,
    translationAnnotation: (docId, n) => `${doc(docId)}/annotation/p${n}-translation`,
    navPlace: (docId) => `${doc(docId)}/navplace`,
    navPlaceFeature: (docId, placeKey) => `${doc(docId)}/navplace/${encodeURIComponent(placeKey)}`,
    // Page images are published next to the IIIF files: the IIIF stage emits them as `images/<id>/<file>`.
    pageImage: u.pageImage,
    textPage: u.textPage,
    tei: u.tei,
    dublinCore: u.oaiDc,
    provider: u.iiifProvider,
    corpusCollection: u.corpusCollection,
    groupCollection: u.groupCollection,
  };
}
