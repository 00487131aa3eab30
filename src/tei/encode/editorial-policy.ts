/**
 * The bracket policy, written into every TEI file's editorialDecl so a reader of the file alone
 * knows what each element stands for and how to give back the text the source showed.
 */
export const EDITORIAL_POLICY: readonly string[] = [
  'This is an English translation as published by the digital archive; the text is kept as the source page shows it, typing errors included.',
  'Square and round brackets of the translator are not kept as characters: each bracketed intervention is encoded by what it does, and its delimiters are recorded in @rend (square, double-square, round, square-open for a bracket the source never closed, none for a bare mark), so the reading text is restored exactly.',
  'Words added by the translator are supplied[@reason="translation"], with @resp pointing to the translators; identifications and explanations are note[@type="gloss"][@place="inline"] with @subtype identification or explanation; a bracketed insertion whose function could not be told is a neutral seg[@type="bracketed"][@subtype="unclassified"].',
  '[sic] markers are note[@type="sic"]: the source does not say how far the flagged text reaches, so no sic element is wrapped around a guessed extent.',
  'Omissions are gap (with @reason where the source says why, the mark itself in desc); uncertain readings in double brackets are unclear; stamps are stamp and handwritten additions add[@hand]; the label the source gives them ("stamp: ") is seg[@type="label"]. Translator\'s notes are note[@type="translator"]; other editorial remarks are note[@type="editorial"] with a @subtype.',
  'Quotation marks are kept as pc[@type="quote-open"] and pc[@type="quote-close"] inside said; the separators after field labels and speaker names are pc[@type="separator"]; paragraph numbers and list labels are @n.',
  'Classification, copy and registry numbers and other markings are seg (in an opener) or ab typed with the kind of marking; TEI has no classification element.',
  'Dates carry ISO 8601 values with their real precision in @when, or an interval in @notBefore and @notAfter; @type says where the date was found; a part not written in the source (such as a year taken from the catalogue date) is pointed to its reason with @ana. @subtype gives the precision only where the ISO value does not show it.',
  'Persons, organisations and places are listed in standOff; names in the text point to them with @ref, speakers with @who.',
  'The header is the single source for each field: the original language is the language in langUsage with xml:id "ck-lang-original", contributors are the respStmts of titleStmt, the record id is bibl/idno[@type="record"]. textLang, acquisition, altIdentifier, correspAction dates and settingDesc repeat those values for other readers and are regenerated from them.',
];
