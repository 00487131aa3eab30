import type { Annotation, AnnotationPage, Canvas, IIIFExternalWebResource } from '@iiif/presentation-3';
import type { Cable } from '../model/cable.js';
import type { IiifIds } from './iiif-ids.js';
import { TRANSLATION_LANGUAGE, neutral } from './language-map.js';
import type { PageImage } from './page-image.js';
import type { TextPageSet } from './text-pages.js';
import { translationHtml } from './translation-html.js';

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
    body: { type: 'TextualBody', value: html, format: 'text/html', language: TRANSLATION_LANGUAGE },
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
 * Without images: one canvas per page of the archive reference (one when the pages are unknown),
 * each painted with its share of the translation drawn as an SVG (text-pages.ts), which is also
 * its thumbnail, so viewers show text rather than an empty canvas; the whole translation stays on
 * the first canvas as text (as with images).
 */
export function textCanvases(cable: Cable, set: TextPageSet, options: CanvasOptions): Canvas[] {
  const html = translationHtml(cable);
  return set.pages.map((page, index) => {
    const n = index + 1;
    // The painted page names no format, only its type (Image): Universal Viewer picks its viewing
    // extension by the body's format and knows JPEG and PNG images only, so with "image/svg+xml"
    // it offers the page as a download instead of drawing it. Without a format it goes by the type
    // and draws the SVG with OpenSeadragon, as Mirador and Clover do. The thumbnail says SVG.
    const body: IIIFExternalWebResource = { id: options.ids.textPage(cable.id, n), type: 'Image', width: set.width, height: set.height };
    const thumbnail: IIIFExternalWebResource = { ...body, format: 'image/svg+xml' };
    const painting: Annotation = {
      id: options.ids.paintingAnnotation(cable.id, n),
      type: 'Annotation',
      motivation: 'painting',
      body,
      target: options.ids.canvas(cable.id, n),
    };
    const canvas: Canvas = {
      id: options.ids.canvas(cable.id, n),
      type: 'Canvas',
      label: neutral(page.label),
      width: set.width,
      height: set.height,
      thumbnail: [thumbnail],
      items: [{ id: options.ids.paintingPage(cable.id, n), type: 'AnnotationPage', items: [painting] }],
    };
    if (index === 0 && html !== '') canvas.annotations = translationPages(cable, html, options);
    return canvas;
  });
}
