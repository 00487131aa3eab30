#!/usr/bin/env python3
"""A strict OAI-PMH harvester: the loop a harvester such as pyoai runs, with libxml2 (lxml) parsing
that never recovers. For one metadataPrefix it requests ListRecords, follows resumption tokens to
the end and, for every response page:

- parses it with recover=False (a duplicate xml:id, an undefined entity or any other
  well-formedness or ID error stops the harvest, as it stops pyoai);
- validates it with the XML Schema given (the OAI-PMH envelope and its payload schemas);
- checks the protocol's paging: cursor and completeListSize, an empty last token, no record twice.

It saves each page (page-N.xml) and each TEI payload (<local id>.xml, as its own document) in the
output folder so the caller can run other validators over them, and prints one JSON object per
record (identifier, datestamp, deleted, sets, root of the metadata), then a summary line.
Exit status 1 with a message on stderr on the first problem.

usage: strict_harvest.py BASE_URL PREFIX SCHEMA.xsd OUT_DIR [SET]
"""
import json
import os
import sys
import urllib.parse
import urllib.request

from lxml import etree

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def fail(message):
    sys.stderr.write("strict_harvest: " + message + "\n")
    sys.exit(1)


def fetch(base, params):
    url = base + "?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=60) as res:
        if res.status != 200:
            fail(f"{url}: HTTP {res.status}")
        return res.read()


def main(argv):
    if len(argv) not in (5, 6):
        fail("usage: strict_harvest.py BASE_URL PREFIX SCHEMA.xsd OUT_DIR [SET]")
    base, prefix, schema_path, out_dir = argv[1:5]
    os.makedirs(out_dir, exist_ok=True)
    # No recovery, no network, no entity expansion: what a careful harvester does.
    parser = etree.XMLParser(recover=False, no_network=True, resolve_entities=False, huge_tree=False)
    schema = etree.XMLSchema(etree.parse(schema_path, parser))
    params = {"verb": "ListRecords", "metadataPrefix": prefix}
    if len(argv) == 6:
        params["set"] = argv[5]
    seen, pages, expected_cursor, size = set(), 0, 0, None
    while True:
        body = fetch(base, params)
        with open(os.path.join(out_dir, f"page-{pages}.xml"), "wb") as f:
            f.write(body)
        try:
            doc = etree.fromstring(body, parser)
        except etree.XMLSyntaxError as e:
            fail(f"page {pages}: not well-formed XML (strict parse): {e}")
        if not schema.validate(doc):
            fail(f"page {pages}: invalid against {os.path.basename(schema_path)}: {schema.error_log.last_error}")
        errors = doc.findall(OAI + "error")
        if errors:
            fail(f"page {pages}: OAI-PMH error {errors[0].get('code')}: {errors[0].text}")
        records = doc.findall(f"{OAI}ListRecords/{OAI}record")
        if not records:
            fail(f"page {pages}: ListRecords without records")
        for record in records:
            header = record.find(OAI + "header")
            identifier = header.findtext(OAI + "identifier")
            if identifier in seen:
                fail(f"page {pages}: {identifier} harvested twice")
            seen.add(identifier)
            deleted = header.get("status") == "deleted"
            metadata = record.find(OAI + "metadata")
            if deleted != (metadata is None):
                fail(f"{identifier}: a deleted record must have no metadata, a live one must have metadata")
            root = None
            if metadata is not None:
                payload = metadata[0]
                root = payload.tag
                if prefix == "tei":
                    local = identifier.rsplit(":", 1)[-1]
                    standalone = etree.tostring(payload, xml_declaration=True, encoding="UTF-8")
                    with open(os.path.join(out_dir, local + ".xml"), "wb") as f:
                        f.write(standalone)
            print(json.dumps({
                "identifier": identifier,
                "datestamp": header.findtext(OAI + "datestamp"),
                "deleted": deleted,
                "sets": [s.text for s in header.findall(OAI + "setSpec")],
                "root": root,
            }))
        pages += 1
        token = doc.find(f"{OAI}ListRecords/{OAI}resumptionToken")
        if token is None:
            if pages != 1:
                fail(f"page {pages - 1}: a resumed list ended without an (empty) resumptionToken")
            break
        cursor, total = int(token.get("cursor")), int(token.get("completeListSize"))
        if cursor != expected_cursor:
            fail(f"page {pages - 1}: cursor {cursor}, expected {expected_cursor}")
        if size is not None and total != size:
            fail(f"page {pages - 1}: completeListSize changed from {size} to {total}")
        size = total
        expected_cursor += len(records)
        value = (token.text or "").strip()
        if value == "":
            if len(seen) != size:
                fail(f"harvested {len(seen)} records, completeListSize says {size}")
            break
        params = {"verb": "ListRecords", "resumptionToken": value}
    sys.stderr.write(f"strict_harvest: {len(seen)} records in {pages} pages ({prefix})\n")


if __name__ == "__main__":
    main(sys.argv)
