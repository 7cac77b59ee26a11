/**
 * Country choices for nationality and jurisdiction: the two-letter codes of the FtM model
 * (what the server accepts), named in the reader's language by the browser (Intl.DisplayNames).
 * Historic and pseudo codes (dd, zr, eu, un, zz, …) are left out of the picker.
 */
const CODES = (
  'ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz ' +
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et fi fj fk fm fo fr ' +
  'ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo ' +
  'jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ' +
  'ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro ' +
  'rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv ' +
  'tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws xk ye yt za zm zw'
).split(' ');

/** Countries most often seen on Dutch applications, offered first. */
const FIRST = ['nl', 'be', 'de'];

export type CountryOption = { value: string; label: string };

/** Every country as { value: code, label: name in `lang` }, the usual ones first, then by name. */
export function countryOptions(lang: string): CountryOption[] {
  const names = new Intl.DisplayNames([lang === 'nl' ? 'nl-NL' : 'en-GB'], { type: 'region', fallback: 'code' });
  const label = (code: string) => names.of(code.toUpperCase()) ?? code.toUpperCase();
  const collator = new Intl.Collator(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const rest = CODES.filter((c) => !FIRST.includes(c))
    .map((c) => ({ value: c, label: label(c) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return [...FIRST.map((c) => ({ value: c, label: label(c) })), ...rest];
}

/** Whether `code` is one of the offered country codes. */
export const isCountryCode = (code: string): boolean => CODES.includes(code);
