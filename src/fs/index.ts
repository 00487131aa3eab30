export { sha256Hex } from './sha256.js';
export { writeFileAtomic } from './atomic-write.js';
export { writeIfChanged, readFileIfExists, type WriteOutcome } from './write-if-changed.js';
export { walkFiles, listSourceFiles, toPortableRelative, type WalkOptions } from './walk-files.js';
export { acquireLock, acquireLocks, type LockResult } from './lock-file.js';
export { readFileBounded, type BoundedRead } from './read-bounded.js';
export { stagedWriter, type StagedWriter } from './staged-writer.js';
export { fileStamp, stampTrusted } from './file-stamp.js';
export { ATOMIC_TEMP_NAME, removeAtomicTempFiles } from './atomic-temp-files.js';
