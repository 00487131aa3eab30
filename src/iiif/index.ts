export { iiifStage, deriveIiifFiles, manifestFiles, collectionFiles, collectionParts, type IiifInputs } from './iiif-stage.js';
export { buildManifest, titleOf, type ManifestConfig, type ManifestInputs } from './build-manifest.js';
export { buildCollections, collectionPlans, manifestReference, type CollectionEntry, type BuiltCollection, type ManifestReference, type ReferenceCollection } from './build-collections.js';
export { iiifIds, type IiifIds, type GroupKind } from './iiif-ids.js';
export { groupsOf, type CableGroup } from './cable-groups.js';
export { placeAuthority, locatePlaces, EMPTY_PLACE_AUTHORITY, type AuthorityPlace, type PlaceAuthority, type LocatedPlace } from './place-authority.js';
export type { PageImage } from './page-image.js';
export { stableJson } from './stable-json.js';
export { validateIiif, isLanguageTag, htmlSubsetProblems, isRightsUri } from './validate/index.js';
