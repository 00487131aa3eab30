/**
 * Deposit packages (BagIt, OCFL, METS + PREMIS, Archivematica transfers, DSpace SAF), made from
 * decoded, valid TEI and the records the build derived from it. Pure: the files come in as bytes
 * and the packages go out as paths and bytes; src/cli/package/ reads and writes them.
 *
 * Diagnostic codes: package/not-packaged, package/source-missing, package/ocfl-inventory-unusable.
 */
export { PACKAGE_FORMATS, type PackageFormat, type Package, type PackageResult } from './package-entry.js';
export type { PackageDocument, PackageFile, PackageSettings, DerivedRecords } from './package-input.js';
export { prepareDocument, type RawDocument } from './prepare-document.js';
export { bagitPackages, editionBag, EDITION_BAG, type BagOptions, type BagSerialization } from './bagit/bagit-packages.js';
export { ocflUpdates, type OcflObjectUpdate, type ReadInventory, type StoredObject } from './ocfl/ocfl-packages.js';
export { storageRootFiles, objectRootPath } from './ocfl/storage-layout.js';
export { metsPackages, METS_FILE } from './mets/mets-packages.js';
export { archivematicaPackages } from './archivematica/archivematica-packages.js';
export { safPackages, SAF_ZIP } from './saf/saf-packages.js';
export { safeName, isContainedPath } from './safe-name.js';
export { documentPayload } from './payload.js';
