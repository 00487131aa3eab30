/**
 * Archives the project knows, by the abbreviation references use. Names and countries here are
 * the project's own knowledge, not the page's, so a value taken from this table is marked inferred.
 */
export interface KnownArchive {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export const ARCHIVE_TABLE_REASON = 'from the cablekit table of archives';

export const KNOWN_ARCHIVES: ReadonlyMap<string, KnownArchive> = new Map([
  ['PRC FMA', { name: 'Archive of the Ministry of Foreign Affairs of the People’s Republic of China', country: 'CN' }],
  ['APRF', { name: 'Archive of the President of the Russian Federation', country: 'RU' }],
  ['AVPRF', { name: 'Archive of Foreign Policy of the Russian Federation', country: 'RU' }],
  ['RGANI', { name: 'Russian State Archive of Contemporary History', country: 'RU' }],
  ['RGASPI', { name: 'Russian State Archive of Socio-Political History', country: 'RU' }],
  ['GARF', { name: 'State Archive of the Russian Federation', country: 'RU' }],
  ['MOL', { name: 'Hungarian National Archives (Magyar Országos Levéltár)', country: 'HU' }],
  ['SAPMO-BArch', { name: 'Foundation Archives of Parties and Mass Organisations of the GDR in the Federal Archives', country: 'DE' }],
  ['AMAE', { name: 'Archive of the Romanian Ministry of Foreign Affairs', country: 'RO' }],
  ['AJ', { name: 'Archives of Yugoslavia', country: 'RS' }],
  ['AMZV', { name: 'Archive of the Ministry of Foreign Affairs of the Czech Republic', country: 'CZ' }],
  ['AAN', { name: 'Central Archives of Modern Records', country: 'PL' }],
  ['PA AA', { name: 'Political Archive of the Federal Foreign Office', country: 'DE' }],
]);
