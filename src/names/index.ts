export { AUTHORITY_SCHEMES, EMPTY_REGISTER, authorityFromUri, authorityUri, type AuthorityScheme, type NameRegister, type RegisterEntry } from './register.js';
export { locateProblems, parseRegisterJson, type RegisterProblem } from './parse-register.js';
export { parseRegisterCsv, CSV_COLUMNS } from './parse-register-csv.js';
export { NameFinder, type FormHit, type FormTarget } from './name-finder.js';
export { shippedRegister, SHIPPED_NAME_REGISTER } from './shipped-register.js';
