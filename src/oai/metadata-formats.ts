import { QDC_NAMESPACE } from '../dc/index.js';
import type { OaiSettings } from './oai-settings.js';

export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
}

export type MetadataPrefix = 'oai_dc' | 'qdc' | 'tei';

/** The formats every record can be disseminated in. */
export function metadataFormats(settings: Pick<OaiSettings, 'editionBaseUrl'>): Record<MetadataPrefix, MetadataFormat> {
  return {
    oai_dc: {
      prefix: 'oai_dc',
      schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
      namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
    },
    // DSpace's qdc container namespace; the schema is the project's, published with the edition (/schemas/).
    qdc: { prefix: 'qdc', schema: `${settings.editionBaseUrl}/schemas/dc/qualified-dc.xsd`, namespace: QDC_NAMESPACE },
    tei: {
      prefix: 'tei',
      schema: 'https://www.tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd',
      namespace: 'http://www.tei-c.org/ns/1.0',
    },
  };
}

export function isMetadataPrefix(value: string): value is MetadataPrefix {
  return value === 'oai_dc' || value === 'qdc' || value === 'tei';
}
