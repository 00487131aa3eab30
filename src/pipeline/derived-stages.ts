import { cmifStage } from '../cmif/index.js';
import { dcStage } from '../dc/index.js';
import { iiifStage } from '../iiif/index.js';
import { siteStage } from '../site/index.js';
import type { DerivedStage } from '../stage/index.js';

/**
 * The derived formats the build runs, in order, over every decoded TEI file.
 * Adding a format is one line here: import its stage and list it.
 */
export const derivedStages: DerivedStage[] = [iiifStage as DerivedStage, dcStage, siteStage as DerivedStage, cmifStage as DerivedStage];
