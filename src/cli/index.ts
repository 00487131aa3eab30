export { createProgram } from './program.js';
export { EXIT_OK, EXIT_FAILED, EXIT_USAGE, UsageError } from './exit-codes.js';
export { collectInputs } from './collect-inputs.js';
