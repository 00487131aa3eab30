import { digestHex } from '../digest.js';
import type { PackageDocument, PackageSettings } from '../package-input.js';
import type { PayloadFile, PayloadRole } from '../payload.js';
import { xmlAttr, xmlText } from '../xml-escape.js';
import { premisAgent, premisEvent, premisObject, type PremisAgent, type PremisEvent } from './premis.js';

const FORMAT_NAMES: Record<PayloadRole, string> = {
  tei: 'TEI P5 XML',
  oai_dc: 'Dublin Core XML (oai_dc)',
  qdc: 'Qualified Dublin Core XML (DCMI terms)',
  iiif: 'IIIF Presentation API 3.0 manifest (JSON-LD)',
  site: 'HTML5 page of the reading edition',
  source: 'Plain text (UTF-8), archive web page as captured',
};

/** xsd:ID-safe names for each file's ids. */
const ROLE_IDS: Record<PayloadRole, string> = { tei: 'tei', oai_dc: 'oai-dc', qdc: 'qdc', iiif: 'iiif', site: 'site', source: 'source' };

/**
 * One METS 1.12 document for a document's files (paths relative to the METS file): the oai_dc
 * record as the dmdSec; per file a PREMIS 3 object with fixity; the PREMIS events of its history
 * (capture of the source page, TEI encoding, validation, packaging) and their agents (cablekit, and
 * the translators named in the TEI); a fileSec and a structMap over every file.
 */
export function buildMets(doc: PackageDocument, files: readonly PayloadFile[], settings: PackageSettings): string {
  const { cable } = doc;
  const at = doc.revisedAt;
  const tool = `${settings.toolName} ${settings.toolVersion}`;
  const has = (role: PayloadRole): boolean => files.some((f) => f.role === role);
  const objectId = (role: PayloadRole): string => (files.find((f) => f.role === role) as PayloadFile).path;
  const translators = cable.contributors.filter((c) => c.role === 'translator');

  const agents: PremisAgent[] = [
    { id: 'agent-cablekit', name: settings.toolName, type: 'software', version: settings.toolVersion },
    ...translators.map((t, i): PremisAgent => ({ id: `agent-translator-${i + 1}`, name: t.name, type: 'person', note: 'Translator of the document, as named in the TEI header (titleStmt/respStmt).' })),
  ];
  const cablekit = [{ id: 'agent-cablekit', role: 'executing program' }];
  const events: PremisEvent[] = [];
  if (has('source')) {
    events.push({
      id: 'event-capture',
      type: 'capture',
      dateTime: at,
      detail: `Source page ${cable.source.path} (layout ${cable.source.layout}, sha256 ${cable.source.sha256} as recorded in the TEI) read from the digital archive's page.`,
      outcome: 'success',
      agents: cablekit,
      objects: [objectId('source')],
    });
  }
  events.push(
    {
      id: 'event-encoding',
      type: 'creation',
      dateTime: at,
      detail: `TEI P5 encoding of the source page by ${tool}; the TEI revisionDesc records the change.`,
      outcome: 'success',
      agents: [...cablekit, ...translators.map((_, i) => ({ id: `agent-translator-${i + 1}`, role: 'translator of the encoded text' }))],
      objects: [objectId('tei')],
    },
    {
      id: 'event-validation',
      type: 'validation',
      dateTime: at,
      detail: `TEI validated by ${tool} (project RELAX NG schema and rule checks) before packaging.`,
      outcome: 'valid',
      agents: cablekit,
      objects: [objectId('tei')],
    },
    {
      id: 'event-packaging',
      type: 'information package creation',
      dateTime: at,
      detail: `METS package made by ${tool} from the TEI and the records derived from it.`,
      outcome: 'success',
      agents: cablekit,
      objects: files.map((f) => f.path),
    },
  );
  const eventsOf = (f: PayloadFile): string[] => events.filter((e) => e.objects.includes(f.path)).map((e) => e.id);
  const dcRecord = files.find((f) => f.role === 'oai_dc') as PayloadFile;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(
    `<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:premis="http://www.loc.gov/premis/v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
      ` xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/version1121/mets.xsd http://www.loc.gov/premis/v3 http://www.loc.gov/standards/premis/v3/premis-v3-0.xsd"` +
      ` OBJID="${xmlAttr(cable.id)}" LABEL="${xmlAttr(cable.title ?? cable.id)}" TYPE="${xmlAttr(cable.documentType ?? 'document')}">\n`,
  );
  out.push(`  <mets:metsHdr CREATEDATE="${at}" RECORDSTATUS="complete">\n`);
  out.push(`    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><mets:name>${xmlText(tool)}</mets:name></mets:agent>\n`);
  out.push(`    <mets:agent ROLE="CUSTODIAN" TYPE="ORGANIZATION"><mets:name>${xmlText(settings.organisation)}</mets:name></mets:agent>\n`);
  for (const t of translators) out.push(`    <mets:agent ROLE="OTHER" OTHERROLE="TRANSLATOR" TYPE="INDIVIDUAL"><mets:name>${xmlText(t.name)}</mets:name></mets:agent>\n`);
  out.push('  </mets:metsHdr>\n');
  out.push('  <mets:dmdSec ID="dmd-dc">\n    <mets:mdWrap MDTYPE="DC" LABEL="Dublin Core (oai_dc)">\n      <mets:xmlData>\n');
  out.push(`${withoutDeclaration(dcRecord.bytes)}\n`);
  out.push('      </mets:xmlData>\n    </mets:mdWrap>\n  </mets:dmdSec>\n');
  out.push('  <mets:amdSec ID="amd">\n');
  for (const f of files) {
    out.push(`    <mets:techMD ID="tech-${ROLE_IDS[f.role]}">\n      <mets:mdWrap MDTYPE="PREMIS:OBJECT">\n        <mets:xmlData>\n`);
    out.push(
      premisObject(
        { id: f.path, sha256: digestHex('sha256', f.bytes), sha512: digestHex('sha512', f.bytes), size: f.bytes.length, formatName: FORMAT_NAMES[f.role], originalName: f.path, eventIds: eventsOf(f) },
        '          ',
      ),
    );
    out.push('        </mets:xmlData>\n      </mets:mdWrap>\n    </mets:techMD>\n');
  }
  for (const e of events) {
    out.push(`    <mets:digiprovMD ID="digiprov-${e.id}">\n      <mets:mdWrap MDTYPE="PREMIS:EVENT">\n        <mets:xmlData>\n`);
    out.push(premisEvent(e, '          '));
    out.push('        </mets:xmlData>\n      </mets:mdWrap>\n    </mets:digiprovMD>\n');
  }
  for (const a of agents) {
    out.push(`    <mets:digiprovMD ID="digiprov-${a.id}">\n      <mets:mdWrap MDTYPE="PREMIS:AGENT">\n        <mets:xmlData>\n`);
    out.push(premisAgent(a, '          '));
    out.push('        </mets:xmlData>\n      </mets:mdWrap>\n    </mets:digiprovMD>\n');
  }
  out.push('  </mets:amdSec>\n');
  out.push('  <mets:fileSec>\n');
  for (const f of files) {
    const id = ROLE_IDS[f.role];
    out.push(`    <mets:fileGrp USE="${id}">\n`);
    out.push(
      `      <mets:file ID="file-${id}" MIMETYPE="${f.mimeType}" SIZE="${f.bytes.length}" CHECKSUM="${digestHex('sha256', f.bytes)}" CHECKSUMTYPE="SHA-256" ADMID="tech-${id}">\n`,
    );
    out.push(`        <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="${xmlAttr(f.path)}"/>\n      </mets:file>\n    </mets:fileGrp>\n`);
  }
  out.push('  </mets:fileSec>\n');
  const provenance = [...events.map((e) => `digiprov-${e.id}`), ...agents.map((a) => `digiprov-${a.id}`)].join(' ');
  out.push(`  <mets:structMap TYPE="logical" LABEL="${xmlAttr(settings.collectionName)}">\n`);
  out.push(`    <mets:div TYPE="${xmlAttr(cable.documentType ?? 'document')}" LABEL="${xmlAttr(cable.title ?? cable.id)}" DMDID="dmd-dc" ADMID="${provenance}">\n`);
  for (const f of files) {
    const id = ROLE_IDS[f.role];
    out.push(`      <mets:div TYPE="${id}" LABEL="${xmlAttr(f.description)}"><mets:fptr FILEID="file-${id}"/></mets:div>\n`);
  }
  out.push('    </mets:div>\n  </mets:structMap>\n</mets:mets>\n');
  return out.join('');
}

/** An XML record's text without its XML declaration, to embed it in another document. */
function withoutDeclaration(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8').replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '').trimEnd();
}
