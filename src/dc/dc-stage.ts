import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DerivedStage } from '../stage/index.js';
import { cableToDcFields } from './crosswalk.js';
import { oaiDcFromFields } from './to-oai-dc.js';
import { qualifiedDcFromFields } from './to-qualified-dc.js';
import { validateDc } from './validate-dc.js';
import { rightsUriFindings } from './rights-uri.js';
import { findScrapeArtefacts } from './scrape-artefacts.js';

/**
 * Writes dc/<id>.oai_dc.xml and dc/<id>.qdc.xml per cable, each checked against the project XSDs;
 * warns about scrape artefacts in the text and about a rights URI aggregators cannot map.
 */
export const dcStage: DerivedStage = {
  name: 'dc',
  document({ cable, teiPath }, { config, layout }) {
    const diagnostics: Diagnostic[] = [];
    const fields = cableToDcFields(cable, config);
    // Aggregators drop records without a title or a date; say so rather than invent one.
    if (fields.title === undefined) {
      diagnostics.push({ code: 'dc/no-title', severity: 'warning', message: `${cable.id}: the TEI gives no title, so the DC records have none`, file: cable.id });
    }
    if (fields.created === undefined) {
      diagnostics.push({ code: 'dc/no-date', severity: 'warning', message: `${cable.id}: the TEI gives no document date, so the DC records have none`, file: cable.id });
    }
    // Kept verbatim (nothing invented), but a person should restore what the scraper lost.
    for (const a of findScrapeArtefacts(fields)) {
      diagnostics.push({
        code: 'dc/scrape-artefact',
        severity: 'warning',
        message: `${cable.id}: the ${a.field} text holds a ${a.name} ("${a.excerpt}"); aggregators receive it as it is`,
        hint: 'correct the TEI (or the source page) with the text the archive page shows',
        file: teiPath,
      });
    }
    const oaiDc = { path: layout.paths.oaiDc(cable.id), content: oaiDcFromFields(fields) };
    const qdc = { path: layout.paths.qualifiedDc(cable.id), content: qualifiedDcFromFields(fields) };
    diagnostics.push(...validateDc(oaiDc.content, 'oai_dc', oaiDc.path), ...validateDc(qdc.content, 'qdc', qdc.path));
    return { files: [oaiDc, qdc], diagnostics };
  },
  // Once per build, not per record: whether aggregators can map the collection's rights URI.
  corpus(_summaries, { config }) {
    return { files: [], diagnostics: rightsUriFindings(config.rightsUri) };
  },
};
