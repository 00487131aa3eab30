export { startServer, type ServerOptions, type RunningServer } from './start-server.js';
export { resolveSafePath, type Mount } from './safe-path.js';
export { contentTypeFor, IIIF_JSON } from './content-types.js';
