/**
 * The plain normalisation and scoring the peers of B1 share, so they differ only in how
 * they find and compare names. Score = 0.6 name + 0.25 birth date + 0.15 address, in [0,1];
 * the same formula is written in SQL for PostgreSQL and DuckDB (see PEER_SCORE_SQL).
 */
export interface PeerRow {
  id: string;
  name: string;
  birthDate: string;
  postcode: string;
  houseNumber: string;
  /** "street number city" without the postcode, normalised. */
  addressKey: string;
}

export interface PeerQuery {
  name: string;
  /** ISO date as given, with day and month swapped, and the year: empty when unknown. */
  date: string;
  swappedDate: string;
  year: string;
  postcode: string;
  houseNumber: string;
  addressKey: string;
}

export const PEER_WEIGHTS = { name: 0.6, date: 0.25, address: 0.15 } as const;
export const DEFAULT_THRESHOLD = 0.7;

/** Lower case, no diacritics, letters and digits only, single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const POSTCODE = /\b(\d{4})\s?([a-zA-Z]{2})\b/;

/** Postcode ("1234AB"), house number and the rest of an address line. */
export function splitAddress(line: string): { postcode: string; houseNumber: string; addressKey: string } {
  const match = POSTCODE.exec(line);
  const postcode = match ? `${match[1]}${match[2]!.toUpperCase()}` : '';
  const rest = match ? line.replace(match[0], ' ') : line;
  const houseNumber = /\d+/.exec(rest)?.[0] ?? '';
  return { postcode, houseNumber, addressKey: normaliseText(rest) };
}

function pad2(text: string | undefined): string {
  return (text ?? '').padStart(2, '0');
}

/** Dutch form date "d-m-yyyy" (or "yyyy", or ISO) as ISO, swapped ISO and year. */
export function splitDate(text: string): { date: string; swappedDate: string; year: string } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return { date: text, swappedDate: `${iso[1]}-${iso[3]}-${iso[2]}`, year: iso[1]! };
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  if (dutch) {
    const [, d, m, y] = dutch;
    return { date: `${y}-${pad2(m)}-${pad2(d)}`, swappedDate: `${y}-${pad2(d)}-${pad2(m)}`, year: y! };
  }
  return { date: '', swappedDate: '', year: /^\d{4}$/.test(text) ? text : '' };
}

/** Birth date agreement: exact 1, day/month swapped 0.8, same year 0.5. */
export function dateScore(row: PeerRow, query: PeerQuery): number {
  if (query.date && row.birthDate === query.date) return 1;
  if (query.swappedDate && row.birthDate === query.swappedDate) return 0.8;
  return query.year && row.birthDate.startsWith(query.year) ? 0.5 : 0;
}

/** Address agreement: same postcode and number or same street line 1, same postcode 0.6. */
export function addressScore(row: PeerRow, query: PeerQuery): number {
  if (query.postcode && row.postcode === query.postcode) return row.houseNumber === query.houseNumber ? 1 : 0.6;
  return query.addressKey && row.addressKey === query.addressKey ? 1 : 0;
}

/** The combined peer score for a name similarity in [0,1]. */
export function peerScore(nameSimilarity: number, row: PeerRow, query: PeerQuery): number {
  return (
    PEER_WEIGHTS.name * nameSimilarity +
    PEER_WEIGHTS.date * dateScore(row, query) +
    PEER_WEIGHTS.address * addressScore(row, query)
  );
}

/**
 * The same score in SQL for a table with columns birth_date, postcode, house_number,
 * address_key; `$nameSim` is replaced by the peer's name similarity expression. Parameters
 * $2..$7: date, swapped date, year, postcode, house number, address key.
 */
export function peerScoreSql(nameSim: string, param: (n: number) => string): string {
  return `(${PEER_WEIGHTS.name} * ${nameSim}
    + ${PEER_WEIGHTS.date} * (case when birth_date = ${param(2)} then 1
        when birth_date = ${param(3)} then 0.8
        when ${param(4)} <> '' and left(birth_date, 4) = ${param(4)} then 0.5 else 0 end)
    + ${PEER_WEIGHTS.address} * (case when ${param(5)} <> '' and postcode = ${param(5)}
          then (case when house_number = ${param(6)} then 1 else 0.6 end)
        when ${param(5)} = '' and address_key = ${param(7)} then 1 else 0 end))`;
}

/** Parameters $1..$7 of a peer query, in order. */
export function peerParams(query: PeerQuery): string[] {
  return [query.name, query.date, query.swappedDate, query.year, query.postcode, query.houseNumber, query.addressKey];
}
