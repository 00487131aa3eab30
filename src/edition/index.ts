export {
  publicBase,
  outputPaths,
  editionUrls,
  editionLayout,
  bookkeepingFiles,
  teiFile,
  stateFile,
  STATE_FILE_NAME,
  type EditionUrls,
  type EditionLayout,
  type BookkeepingFiles,
} from './layout.js';
