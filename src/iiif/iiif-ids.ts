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
  tei(docId: string): string;
  dublinCore(docId: string): string;
  provider(): string;
  corpusCollection(): string;
  groupCollection(kind: GroupKind, slug: string): string;
}

export type GroupKind = 'archive' | 'year' | 'type';

export function iiifIds(baseUrl: string): IiifIds {
  const base = baseUrl.replace(/\/+$/, '');
  const doc = (docId: string): string => `${base}/iiif/${encodeURIComponent(docId)}`;
  return {
    manifest: (docId) => `${doc(docId)}/manifest.json`,
    canvas: (docId, n) => `${doc(docId)}/canvas/p${n}`,
    paintingPage: (docId, n) => `${doc(docId)}/page/p${n}/painting`,
    paintingAnnotation: (docId, n) => `${doc(docId)}/annotation/p${n}-image`,
    supplementingPage: (docId, n) => `${doc(docId)}/page/p${n}/supplementing`,
    translationAnnotation: (docId, n) => `${doc(docId)}/annotation/p${n}-translation`,
    navPlace: (docId) => `${doc(docId)}/navplace`,
    navPlaceFeature: (docId, placeKey) => `${doc(docId)}/navplace/${encodeURIComponent(placeKey)}`,
    // Page images are published next to the IIIF files: the IIIF stage emits them as `images/<id>/<file>`.
    pageImage: (docId, fileName) => `${base}/images/${encodeURIComponent(docId)}/${encodeURIComponent(fileName)}`,
    tei: (docId) => `${base}/tei/${encodeURIComponent(docId)}.xml`,
    dublinCore: (docId) => `${base}/dc/${encodeURIComponent(docId)}.oai_dc.xml`,
    // The provider is an Agent: its id must not be its homepage (a Text).
    provider: () => `${base}/iiif/provider`,
    corpusCollection: () => `${base}/iiif/collection.json`,
    groupCollection: (kind, slug) => `${base}/iiif/collections/${kind}-${slug}.json`,
  };
}
