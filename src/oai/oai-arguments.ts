/** Checking the arguments of a request against the verb's rules (OAI-PMH 2.0, section 3.1 and 4). */
export type Verb = 'Identify' | 'ListMetadataFormats' | 'ListSets' | 'GetRecord' | 'ListIdentifiers' | 'ListRecords';

/** Request arguments: every name with every value it was given (repeats are errors, so keep them). */
export type OaiParams = ReadonlyMap<string, readonly string[]>;

export type OaiErrorCode =
  | 'badVerb'
  | 'badArgument'
  | 'badResumptionToken'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

interface VerbRule {
  required: string[];
  optional: string[];
  /** An argument that must be the only one besides verb. */
  exclusive?: string;
}

const RULES: Record<Verb, VerbRule> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

function isVerb(value: string): value is Verb {
  return Object.prototype.hasOwnProperty.call(RULES, value);
}

export type CheckedRequest = { verb: Verb; args: Record<string, string> } | { error: OaiError };

/** badVerb when the verb is missing, repeated or unknown; badArgument for illegal, repeated, missing or empty arguments. */
export function checkArguments(params: OaiParams): CheckedRequest {
  const verbs = params.get('verb') ?? [];
  if (verbs.length === 0) return { error: { code: 'badVerb', message: 'The verb argument is missing.' } };
  if (verbs.length > 1) return { error: { code: 'badVerb', message: 'The verb argument is repeated.' } };
  const verb = verbs[0] as string;
  if (!isVerb(verb)) return { error: { code: 'badVerb', message: 'The value of the verb argument is not a legal OAI-PMH verb.' } };
  const rule = RULES[verb];
  const args: Record<string, string> = {};
  for (const [name, values] of params) {
    if (name === 'verb') continue;
    const allowed = rule.required.includes(name) || rule.optional.includes(name) || rule.exclusive === name;
    if (!allowed) return { error: { code: 'badArgument', message: `${verb} does not take an argument of that name.` } };
    if (values.length !== 1) return { error: { code: 'badArgument', message: `The ${name} argument is repeated.` } };
    const value = values[0] as string;
    if (value === '') return { error: { code: 'badArgument', message: `The ${name} argument is empty.` } };
    args[name] = value;
  }
  if (rule.exclusive !== undefined && args[rule.exclusive] !== undefined) {
    if (Object.keys(args).length > 1) {
      return { error: { code: 'badArgument', message: `${rule.exclusive} is an exclusive argument: no other argument may accompany it.` } };
    }
    return { verb, args };
  }
  for (const name of rule.required) {
    if (args[name] === undefined) return { error: { code: 'badArgument', message: `${verb} requires the ${name} argument.` } };
  }
  return { verb, args };
}

/** Syntax of the echoed attributes in the OAI-PMH schema: only values that match are echoed. */
export const METADATA_PREFIX_SYNTAX = /^[A-Za-z0-9\-_.!~*'()]+$/;
export const SET_SPEC_SYNTAX = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;
