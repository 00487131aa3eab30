import type { Annotation, AnnotationPage, Canvas, IIIFExternalWebResource } from '@iiif/presentation-3';
import type { Cable } from '../model/cable.js';
import type { IiifIds } from './iiif-ids.js';
import { neutral } from './language-map.js';
import type { PageImage } from './page-image.js';
import { pageLabels } from './page-labels.js';
import { translationHtml } from './translation-html.js';

/** Text canvases have no image to measure: a portrait page in arbitrary units (A4 proportions). */
export const TEXT_CANVAS = { width: 1000, height: 1414 } as const;

export interface CanvasOptions {
  ids: IiifIds;
  /** "{id}" is replaced by "<doc id>/<file stem>". */
  imageServiceTemplate?: string;
}

export function imageResource(cable: Cable, image: PageImage, options: CanvasOptions): IIIFExternalWebResource {
  const resource: IIIFExternalWebResource = {
    id: options.ids.pageImage(cable.id, image.fileName),
    type: 'Image',
    format: image.format,
    width: image.width,
    height: image.height,
  };
  if (options.imageServiceTemplate !== undefined) {
    const serviceId = options.imageServiceTemplate.replace('{id}', `${encodeURIComponent(cable.id)}/${encodeURIComponent(image.stem)}`);
    // level0 is the only level every Image API server is guaranteed to support.
    resource.service = [{ id: serviceId, type: 'ImageService3', profile: 'level0' }];
  }
  return resource;
}

/** The translation as a supplementing annotation on the first canvas (position 1). */
function translationPages(cable: Cable, html: string, options: CanvasOptions): AnnotationPage[] {
  const translation: Annotation = {
    id: options.ids.translationAnnotation(cable.id, 1),
    type: 'Annotation',
    motivation: 'supplementing',
    body: { type: 'TextualBody', value: html, format: 'text/html', language: 'en' },
    target: options.ids.canvas(cable.id, 1),
  };
  return [{ id: options.ids.supplementingPage(cable.id, 1), type: 'AnnotationPage', items: [translation] }];
}

/** One canvas per page image, each painted with its image at its real size. */
export function imageCanvases(cable: Cable, images: readonly PageImage[], options: CanvasOptions): Canvas[] {
  const html = translationHtml(cable);
  return images.map((image, index) => {
    const n = index + 1;
    const body = imageResource(cable, image, options);
    const painting: Annotation = {
      id: options.ids.paintingAnnotation(cable.id, n),
      type: 'Annotation',
      motivation: 'painting',
      body,
      target: options.ids.canvas(cable.id, n),
    };
    const page: AnnotationPage = { id: options.ids.paintingPage(cable.id, n), type: 'AnnotationPage', items: [painting] };
    const canvas: Canvas = {
      id: options.ids.canvas(cable.id, n),
      type: 'Canvas',
      label: neutral(String(n)),
      width: image.width,
      height: image.height,
      thumbnail: [body],
      items: [page],
    };
    if (index === 0 && html !== '') canvas.annotations = translationPages(cable, html, options);
    return canvas;
  });
}

/**
 * Without images: one empty canvas per page of the archive reference (one canvas when the pages
 * are unknown), and the whole translation on the first one (as with images) — the translation does
 * not say where the original's pages break.
 */
export function textCanvases(cable: Cable, options: CanvasOptions): Canvas[] {
  const labels = pageLabels(cable.archiveReferences[0]);
  const pages = labels.length > 0 ? labels : ['1'];
  const html = translationHtml(cable);
  return pages.map((label, index) => {
    const n = index + 1;
    const canvas: Canvas = {
      id: options.ids.canvas(cable.id, n),
      type: 'Canvas',
      label: neutral(label),
      width: TEXT_CANVAS.width,
      height: TEXT_CANVAS.height,
      items: [],
    };
    if (index === 0 && html !== '') canvas.annotations = translationPages(cable, html, options);
    return canvas;
  });
}
