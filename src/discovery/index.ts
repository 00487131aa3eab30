export { nextChangeLog, emptyChangeLog, type ChangeLog, type LoggedActivity, type ActivityType, type StoreEntry } from './activity-log.js';
export { changeDiscoveryFiles, DISCOVERY_CONTEXT, ACTIVITY_DIR, DEFAULT_ACTIVITY_PAGE_SIZE, type DiscoverySettings } from './change-discovery.js';
export { publishChangeDiscovery, type PublishOptions } from './publish-changes.js';
