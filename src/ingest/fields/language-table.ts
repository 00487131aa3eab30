/** English language names as the archive writes them → ISO 639-1, or 639-3 where 639-1 has none. */
export const LANGUAGE_CODES: ReadonlyMap<string, string> = new Map([
  ['albanian', 'sq'], ['arabic', 'ar'], ['armenian', 'hy'], ['belarusian', 'be'], ['bulgarian', 'bg'],
  ['chinese', 'zh'], ['croatian', 'hr'], ['czech', 'cs'], ['danish', 'da'], ['dutch', 'nl'],
  ['english', 'en'], ['estonian', 'et'], ['finnish', 'fi'], ['french', 'fr'], ['georgian', 'ka'],
  ['german', 'de'], ['greek', 'el'], ['hebrew', 'he'], ['hindi', 'hi'], ['hungarian', 'hu'],
  ['indonesian', 'id'], ['italian', 'it'], ['japanese', 'ja'], ['kazakh', 'kk'], ['korean', 'ko'],
  ['latvian', 'lv'], ['lithuanian', 'lt'], ['macedonian', 'mk'], ['mongolian', 'mn'], ['norwegian', 'no'],
  ['persian', 'fa'], ['farsi', 'fa'], ['polish', 'pl'], ['portuguese', 'pt'], ['romanian', 'ro'],
  ['russian', 'ru'], ['serbian', 'sr'], ['serbo-croatian', 'hbs'], ['slovak', 'sk'], ['slovenian', 'sl'],
  ['spanish', 'es'], ['swedish', 'sv'], ['turkish', 'tr'], ['ukrainian', 'uk'], ['urdu', 'ur'],
  ['vietnamese', 'vi'], ['yiddish', 'yi'], ['khmer', 'km'], ['lao', 'lo'], ['burmese', 'my'],
]);
