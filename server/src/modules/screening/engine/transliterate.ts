/**
 * Compact transliteration of Cyrillic, Greek and basic Arabic letters into Latin.
 * Input must already be lowercased and stripped of combining marks (NFKD), so
 * only base letters appear. The goal is comparison keys, not publishable romanisation.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ё: 'e',
  ў: 'u',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
};

const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

// Arabic script has no short vowels; the consonant skeleton is what survives, which is
// exactly what the skeleton keys compare (محمد -> mhmd -> skeleton of "mohammed").
const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  ة: 'a',
  ء: '',
  ئ: '',
  ؤ: '',
  پ: 'p',
  چ: 'ch',
  گ: 'g',
  ک: 'k',
  ی: 'y',
  '\u0640': '',
};

// Greek digraphs whose letter-by-letter form would hide the usual spelling.
const GREEK_DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['ου', 'ou'],
  ['αι', 'ai'],
  ['ει', 'ei'],
  ['οι', 'oi'],
  ['μπ', 'b'],
  ['ντ', 'd'],
  ['γκ', 'g'],
];

const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ĳ: 'ij',
};

const TABLE: Record<string, string> = { ...CYRILLIC, ...GREEK, ...ARABIC, ...LATIN_SPECIAL };

/** Transliterates non-Latin letters (Cyrillic, Greek, Arabic) in lowercased, mark-free text. */
export function transliterate(text: string): string {
  let source = text;
  if (/[\u0370-\u03ff]/.test(source)) {
    for (const [from, to] of GREEK_DIGRAPHS) source = source.split(from).join(to);
  }
  const isArabic = /[\u0600-\u06ff]/.test(source);
  // The article ال is written attached to the name; split it off like el-/al- in Latin script.
  if (isArabic) source = source.replace(/(^|\s)ال/g, '$1al-');
  let out = '';
  for (const char of source) {
    const mapped = TABLE[char];
    out += mapped === undefined ? char : mapped;
  }
  // A word-final ي is the nisba ending -i (Amrani), not a consonant.
  return isArabic ? out.replace(/y\b/g, 'i') : out;
}
