/**
 * Invented, neutral material for synthetic pages: names, places and phrases made up for the
 * benchmark, shaped like the archive's pages but not taken from them.
 */
export const GIVEN_NAMES = ['Arlen', 'Bora', 'Cassim', 'Dovan', 'Elin', 'Feray', 'Goran', 'Halvard', 'Ilse', 'Joren', 'Kasimir', 'Liesel', 'Mirko', 'Nadia', 'Oskar', 'Petra'];
export const FAMILY_NAMES = ['Varga', 'Lindqvist', 'Morrow', 'Tesh', 'Abelard', 'Quint', 'Halloran', 'Soren', 'Dvořák', 'Nováková', 'Ferreira', 'Oyelaran', 'Kettering', 'Marlowe', 'Brandt', 'Zelenko'];
export const COUNTRIES = ['Ostland', 'Marovia', 'Celesta', 'Valdoria', 'Northmark', 'Sundara', 'Kestria', 'Aldmere'];
export const CITIES = ['Velmora', 'Port Edrin', 'Karsk', 'Lumenhall', 'Tessaly', 'Brightwater', 'Ondrava', 'Saltmarsh'];
export const ORGANISATIONS = ['Ministry of Foreign Affairs', 'International Liaison Department', 'Ministry of Trade', 'Central Committee', 'Ministry of Defense', 'State Planning Commission'];
export const FUNDERS = ['Aldmere Foundation', 'the Kestria Trust', 'Northmark Humanities Fund', 'The Lumen Institute', 'Velmora Institute, Tessaly University', 'Brightwater Endowment'];
export const TRANSLATORS = ['Ada Lindqvist', 'Bram Tesh', 'Cora Halloran', 'Dmitri Quint', 'Eva Nováková', 'Felix Marlowe'];
export const LANGUAGES = ['Chinese', 'Russian', 'Hungarian', 'German', 'Romanian', 'Korean', 'Polish', 'Czech'];
export const DOC_TYPES = ['Cable', 'Telegram', 'Minutes of Conversation', 'Memorandum', 'Report', 'Letter', 'Journal Entry'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const ARCHIVE_REFERENCES = [
  (n: number) => `PRC FMA 106-0${1400 + (n % 90)}-0${n % 9}, ${10 + (n % 50)}-${60 + (n % 30)}`,
  (n: number) => `APRF, Fond 45, Opis 1, Delo ${300 + (n % 99)}, List ${1 + (n % 40)}`,
  (n: number) => `RGANI, Fond 5, Opis 28, Delo ${400 + (n % 50)}, Listy ${200 + (n % 20)}-${221 + (n % 20)}`,
  (n: number) => `MOL, XIX-J-1-j Korea, ${1 + (n % 9)}. doboz, 5/a, 00${4000 + n % 900}/19${50 + (n % 20)}`,
  (n: number) => `SAPMO-BArch, DY 30/IV A 2/20/${400 + (n % 90)}, 1-${2 + (n % 8)}`,
  (n: number) => `Archives of Yugoslavia (AJ), KPR I-1/${600 + (n % 90)}`,
  (n: number) => `Archive of the Romanian Ministry of Foreign Affairs (AMAE), Folder ${700 + (n % 99)}/1978, ${n % 30}-${40 + (n % 9)}`,
];
export const CONTRIBUTOR_PHRASES = [
  (a: string) => `Translated by ${a}.`,
  (a: string, b: string) => `Translated by ${a} and ${b}.`,
  (a: string, b: string) => `Obtained by ${b} and translated by ${a}.`,
  (a: string) => `Translated for NKIDP by ${a}.`,
  (a: string) => `Obtained and translated for NKIDP by ${a}.`,
  (a: string, b: string) => `Contributed by ${b} and translated by ${a}.`,
  (a: string) => `Translated from German by ${a}.`,
  () => '',
];
export const SENTENCES = [
  'The delegation discussed the schedule of the trade negotiations for the coming year.',
  'He said that the harvest had been better than expected in the northern provinces.',
  'Both sides agreed that the railway agreement should be signed before the winter.',
  'The minister noted that the exchange of students would continue as planned.',
  'We were informed that the new factory in the capital has begun production.',
  'The ambassador asked whether the shipment of machinery could be brought forward.',
  'It was pointed out that the conference should be held in a neutral city.',
  'The representatives exchanged views on the situation in the region.',
  'He stressed that cultural cooperation remains an important task for both parties.',
  'The question of the fishing rights was left for a later meeting.',
  'According to the report, the new port will be completed within two years.',
  'The visitors thanked their hosts for the warm reception.',
];
export const CLASSIFICATIONS = ['TOP SECRET', 'Top Secret!', 'SECRET', 'CONFIDENTIAL', 'Strictly secret'];
export const RIGHTS = [
  'The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes. Some documents may be subject to copyright.',
  'To enquire about this document\u2019s rights status or request permission for commercial use, please contact the program.',
];
export const HOSTS = ['https://digitalarchive.wilsoncenter.org', 'https://wilson-center-digital-archive.dvincitest.com', 'http://digitalarchive.wilsoncenter.org'];
