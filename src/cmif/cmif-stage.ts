import { documentPageUrl } from '../edition/layout.js';
import type { DerivedStage } from '../stage/index.js';
import { cmifLetterOf, type CmifLetter } from './cmif-letter.js';
import { validateCmif } from './validate-cmif.js';
import { lastEncoded, writeCmif } from './write-cmif.js';

/**
 * One CMIF file for the edition (`cmif.xml`), for correspSearch and other correspondence indexes:
 * each document gives its senders, addressees and date as a summary; the corpus step writes them
 * all, in document id order, checked against schemas/cmif.rng before it is written. Documents that
 * name no correspondent are left out.
 */
export const cmifStage: DerivedStage<CmifLetter> = {
  name: 'cmif',
  document({ cable, encodedWhen }, { config }) {
    const letter = cmifLetterOf(cable, documentPageUrl(config, cable.id), encodedWhen);
    return letter ? { files: [], diagnostics: [], summary: letter } : { files: [], diagnostics: [] };
  },
  corpus(letters, { config, layout }) {
    if (letters.length === 0) return { files: [], diagnostics: [] };
    const when = lastEncoded(letters);
    if (when === undefined) {
      return {
        files: [],
        diagnostics: [
          {
            code: 'cmif/undated',
            severity: 'warning',
            message: 'no TEI file records when cablekit encoded it, so the CMIF file has no date of its last change; it is not written',
            hint: 'build the edition from its sources once (the TEI revisionDesc gets the encoder\'s change), or add the change by hand',
          },
        ],
      };
    }
    const xml = writeCmif(
      letters,
      {
        title: `${config.collectionName}: correspondence metadata`,
        editor: config.publisher,
        email: config.oai.adminEmail,
        publisher: config.publisher,
        publisherUrl: config.provider.homepage,
        fileUrl: layout.urls.cmif(),
        editionTitle: config.collectionName,
        editionUrl: layout.urls.base,
      },
      when,
    );
    // Never write what we would reject: a file our own schema refuses is reported, not written.
    const problems = validateCmif(xml, layout.paths.cmif());
    if (problems.length > 0) return { files: [], diagnostics: problems };
    return { files: [{ path: layout.paths.cmif(), content: xml }], diagnostics: [] };
  },
};
