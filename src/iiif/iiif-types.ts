import type { IIIFExternalWebResource, InternationalString, Reference } from '@iiif/presentation-3';

/**
 * Shapes the spec allows that the @iiif/presentation-3 types leave out: a labelled reference to a
 * collection (partOf) and a linked resource with label and profile (homepage, seeAlso, rendering).
 */
export type CollectionReference = Reference<'Collection'> & { label: InternationalString };

export type LinkedResource = IIIFExternalWebResource & { label: InternationalString; profile?: string };
