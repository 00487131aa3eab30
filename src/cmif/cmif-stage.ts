import { documentPageUrl } from '../edition/layout.js';
import type { EditionLayout } from '../edition/layout.js';
import type { CablekitConfig } from '../config/config.js';
import type { DerivedStage } from '../stage/index.js';
import { cmifLetterOf, type CmifLetter } from './cmif-letter.js';
import { validateCmif } from './validate-cmif.js';
import { lastEncoded, writeCmif, type CmifSettings } from './write-cmif.js';

/**
 * One CMIF file for the edition (`cmif.xml`), for correspSearch and other correspondence indexes:
 * each document gives its senders, addressees and date as a summary; the corpus step writes them
 * all, in document id order. Documents that name no correspondent are left out.
 *
 * Checked against schemas/cmif.rng in two parts, never written unchecked: each letter when its
 * document is derived (in a CMIF file of its own: a letter the schema rejects is an error of that
 * document, and left out), and the file around the letters by the corpus step. The schema checks
 * each correspDesc on its own (nothing in it relates one to another), so a file is valid when its
 * frame and each of its letters are — and a one-document change no longer validates every letter
 * of the edition again (0.8 s at 10,000 documents). tests/cmif/cmif-parts.test.ts holds the two
 * ways equal.
 */
export const cmifStage: DerivedStage<CmifLetter> = {
  name: 'cmif',
  document({ cable, encodedWhen }, { config, layout }) {
    const letter = cmifLetterOf(cable, documentPageUrl(config, cable.id), encodedWhen);
    if (letter === undefined) return { files: [], diagnostics: [] };
    const problems = validateCmif(writeCmif([letter], cmifSettings(config, layout), lastEncoded([letter]) ?? LETTER_CHECK_DATE), layout.paths.cmif());
    if (problems.length > 0) return { files: [], diagnostics: problems.map((d) => ({ ...d, message: `${d.message} (in the correspDesc of ${cable.id}, left out of the file)` })) };
    return { files: [], diagnostics: [], summary: letter };
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
    const settings = cmifSettings(config, layout);
    // Never write what we would reject: the frame is checked around the first letter (each letter was checked on its own).
    const problems = validateCmif(writeCmif(letters.slice(0, 1), settings, when), layout.paths.cmif());
    if (problems.length > 0) return { files: [], diagnostics: problems };
    return { files: [{ path: layout.paths.cmif(), content: writeCmif(letters, settings, when) }], diagnostics: [] };
  },
};

/** The date a letter without an encoding date is checked under (the frame needs one; the letter's check does not depend on it). */
const LETTER_CHECK_DATE = '2000-01-01T00:00:00Z';

function cmifSettings(config: CablekitConfig, layout: EditionLayout): CmifSettings {
  return {
    title: `${config.collectionName}: correspondence metadata`,
    editor: config.publisher,
    email: config.oai.adminEmail,
    publisher: config.publisher,
    publisherUrl: config.provider.homepage,
    fileUrl: layout.urls.cmif(),
    editionTitle: config.collectionName,
    editionUrl: layout.urls.base,
  };
}
