import { inflateSync, strFromU8 } from 'fflate';
import {
  UCD_COMPS,
  UCD_DECOMP,
  UCD_NAMES,
  UCD_NUMERIC,
  UCD_PROPS,
  UCD_RANGES,
  UCD_RECORDS,
} from './unicodedataData';

/**
 * The Unicode Character Database as CPython 3.11's unicodedata has it (Unicode 14.0.0), from the
 * tables tools/imports/unicodedata_tables.py read out of the real module (unicodedataData.ts,
 * 336 KB of the bundle, 1.2 MB inflated). Each table is inflated the first time a function needs
 * it: the names (1.0 MB) only for name()/lookup().
 *
 * Normalization is UAX #15 as unicodedata.c runs it: nfd_nfkd decomposes each character through
 * a stack (full canonical or compatibility decomposition, Hangul syllables algorithmically), then
 * sorts combining marks by class; nfc_nfkc composes the decomposed text, a starter with each
 * following character not blocked by one of an equal or higher class (primary composites only,
 * Hangul LV/LVT algorithmically).
 */

function unpack(b64: string): string {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return strFromU8(inflateSync(bytes));
}

export interface UcdRecord {
  category: string;
  bidirectional: string;
  combining: number;
  eastAsianWidth: string;
  mirrored: number;
  /** normalization quick check: 2 bits per form, NFD at 0, NFKD at 2, NFC at 4, NFKC at 6 (0 yes, 1 no, 2 maybe). */
  quickCheck: number;
}

let records: UcdRecord[] | null = null;
let runStarts: Int32Array | null = null;
let runRecords: Uint16Array | null = null;

function loadProps(): void {
  records = unpack(UCD_RECORDS)
    .split('\n')
    .map((line) => {
      const [category, bidirectional, combining, eastAsianWidth, mirrored, qc] = line.split('|');
      return {
        category,
        bidirectional,
        combining: Number(combining),
        eastAsianWidth,
        mirrored: Number(mirrored),
        quickCheck: Number(qc),
      };
    });
  const runs = unpack(UCD_PROPS).split('\n');
  runStarts = new Int32Array(runs.length);
  runRecords = new Uint16Array(runs.length);
  let at = 0;
  runs.forEach((r, i) => {
    const [delta, rec] = r.split(',');
    at += parseInt(delta, 16);
    runStarts![i] = at;
    runRecords![i] = Number(rec);
  });
}

/** _getrecord_ex: the character's property record. */
export function ucdRecord(cp: number): UcdRecord {
  if (records === null) loadProps();
  const starts = runStarts!;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return records![runRecords![lo]];
}

let decomps: Map<number, string> | null = null;

/** unicodedata.decomposition's text ('<compat> 0020 0301', '0041 0300'), '' for none. */
export function decompositionText(cp: number): string {
  if (decomps === null) {
    decomps = new Map();
    for (const line of unpack(UCD_DECOMP).split('\n')) {
      const k = line.indexOf(';');
      decomps.set(parseInt(line.slice(0, k), 16), line.slice(k + 1));
    }
  }
  return decomps.get(cp) ?? '';
}

interface NumericValue {
  decimal: number | null;
  digit: number | null;
  numeric: number;
}
let numerics: Map<number, NumericValue> | null = null;

export function numericValue(cp: number): NumericValue | null {
  if (numerics === null) {
    numerics = new Map();
    for (const line of unpack(UCD_NUMERIC).split('\n')) {
      const [c, dec, dig, num] = line.split(';');
      numerics.set(parseInt(c, 16), {
        decimal: dec === '' ? null : Number(dec),
        digit: dig === '' ? null : Number(dig),
        numeric: Number(num),
      });
    }
  }
  return numerics.get(cp) ?? null;
}

// ---- names ---------------------------------------------------------------------------------

const S_BASE = 0xac00;
const L_BASE = 0x1100;
const V_BASE = 0x1161;
const T_BASE = 0x11a7;
const L_COUNT = 19;
const V_COUNT = 21;
const T_COUNT = 28;
const N_COUNT = V_COUNT * T_COUNT;
const S_COUNT = L_COUNT * N_COUNT;
/** The jamo short names Hangul syllable names are built from (Unicode's Jamo.txt). */
const JAMO_L = 'G GG N D DD R M B BB S SS  J JJ C K T P H'.split(' ');
const JAMO_V = 'A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I'.split(' ');
const JAMO_T = ' G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H'.split(' ');

let names: Map<number, string> | null = null;
let byName: Map<string, number> | null = null;
let ranges: { first: number; last: number; prefix: string }[] | null = null;

function loadNames(): void {
  names = new Map();
  byName = new Map();
  for (const line of unpack(UCD_NAMES).split('\n')) {
    const k = line.indexOf(';');
    const cp = parseInt(line.slice(0, k), 16);
    const name = line.slice(k + 1);
    names.set(cp, name);
    byName.set(name, cp);
  }
  ranges = unpack(UCD_RANGES)
    .split('\n')
    .map((line) => {
      const [first, last, prefix] = line.split(',');
      return { first: parseInt(first, 16), last: parseInt(last, 16), prefix };
    });
}

const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');

/** _getucname: the character's name, or null. */
export function charName(cp: number): string | null {
  if (names === null) loadNames();
  if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
    const s = cp - S_BASE;
    const l = Math.floor(s / N_COUNT);
    const v = Math.floor((s % N_COUNT) / T_COUNT);
    const t = s % T_COUNT;
    return `HANGUL SYLLABLE ${JAMO_L[l]}${JAMO_V[v]}${JAMO_T[t]}`;
  }
  for (const r of ranges!) if (cp >= r.first && cp <= r.last) return r.prefix + hex(cp);
  return names!.get(cp) ?? null;
}

/**
 * _getcode: the code point a name names, or null. Names from the table match case-insensitively
 * (_cmpname upper-cases the query); the algorithmic ones only as written: "HANGUL SYLLABLE " with
 * the jamo short names, "CJK UNIFIED IDEOGRAPH-" with upper-case hex of a unified ideograph.
 * Tangut ideographs are named by name() but not found by lookup(), as in 3.11. Khitan, Nushu and
 * CJK compatibility ideographs are table names there. Aliases (NameAliases.txt) and named
 * sequences are not held: lookup() of one raises the KeyError of an unknown name.
 */
export function codeOfName(name: string): number | null {
  if (names === null) loadNames();
  if (name.startsWith('HANGUL SYLLABLE ')) {
    const rest = name.slice(16);
    for (let l = 0; l < L_COUNT; l++)
      for (let v = 0; v < V_COUNT; v++)
        for (let t = 0; t < T_COUNT; t++)
          if (JAMO_L[l] + JAMO_V[v] + JAMO_T[t] === rest) return S_BASE + (l * V_COUNT + v) * T_COUNT + t;
    return null;
  }
  for (const r of ranges!) {
    const strict = r.prefix === 'CJK UNIFIED IDEOGRAPH-';
    if (r.prefix === 'TANGUT IDEOGRAPH-') continue;
    const n = strict ? name : name.toUpperCase();
    if (!n.startsWith(r.prefix)) continue;
    const h = n.slice(r.prefix.length);
    if (!/^[0-9A-F]{4,5}$/.test(h)) continue;
    const cp = parseInt(h, 16);
    if (cp >= r.first && cp <= r.last && (strict || h === hex(cp))) return cp;
  }
  return byName!.get(name.toUpperCase()) ?? null;
}

// ---- normalization -------------------------------------------------------------------------

/** The decomposition as code points and whether it is a compatibility one, or null. */
function decompositionOf(cp: number): { compat: boolean; cps: number[] } | null {
  const text = decompositionText(cp);
  if (text === '') return null;
  const compat = text.startsWith('<');
  const parts = (compat ? text.slice(text.indexOf('>') + 2) : text).split(' ');
  return { compat, cps: parts.map((p) => parseInt(p, 16)) };
}

/**
 * nfd_nfkd's decomposition pass over the input's code points: what it writes to its buffer, and
 * the buffer's size and growth (10 characters more whenever fewer than 3 are free).
 */
export function decomposeFull(
  input: readonly number[],
  compat: boolean,
): { out: number[]; initial: number; grows: number[] } {
  let space = input.length > 10 ? input.length + 10 : input.length * 2;
  const initial = space;
  let osize = space;
  const grows: number[] = [];
  const out: number[] = [];
  const stack: number[] = [];
  for (const c of input) {
    stack.push(c);
    while (stack.length) {
      const code = stack.pop()!;
      if (space < 3) {
        osize += 10;
        space += 10;
        grows.push(osize);
      }
      if (code >= S_BASE && code < S_BASE + S_COUNT) {
        const s = code - S_BASE;
        out.push(L_BASE + Math.floor(s / N_COUNT), V_BASE + Math.floor((s % N_COUNT) / T_COUNT));
        space -= 2;
        const t = T_BASE + (s % T_COUNT);
        if (t !== T_BASE) {
          out.push(t);
          space--;
        }
        continue;
      }
      const d = decompositionOf(code);
      if (d === null || (d.compat && !compat)) {
        out.push(code);
        space--;
        continue;
      }
      for (let i = d.cps.length - 1; i >= 0; i--) stack.push(d.cps[i]);
    }
  }
  return { out, initial, grows };
}

/** The canonical ordering nfd_nfkd applies to its result in place (a stable insertion sort by class). */
export function canonicalOrder(cps: number[]): void {
  for (let i = 1; i < cps.length; i++) {
    const cur = ucdRecord(cps[i]).combining;
    if (cur === 0) continue;
    let j = i;
    while (j > 0) {
      const prev = ucdRecord(cps[j - 1]).combining;
      if (prev === 0 || prev <= cur) break;
      [cps[j - 1], cps[j]] = [cps[j], cps[j - 1]];
      j--;
    }
  }
}

let composites: Map<string, number> | null = null;

function composePair(a: number, b: number): number | null {
  if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT)
    return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
  if (
    a >= S_BASE &&
    a < S_BASE + S_COUNT &&
    (a - S_BASE) % T_COUNT === 0 &&
    b > T_BASE &&
    b < T_BASE + T_COUNT
  )
    return a + (b - T_BASE);
  if (composites === null) {
    composites = new Map();
    for (const line of unpack(UCD_COMPS).split('\n')) {
      const cp = parseInt(line, 16);
      const d = decompositionOf(cp)!;
      composites.set(`${d.cps[0]},${d.cps[1]}`, cp);
    }
  }
  return composites.get(`${a},${b}`) ?? null;
}

/**
 * nfc_nfkc's composition pass over the decomposed, ordered text: each character is tried against
 * the last starter unless a character between them has class 0 or a class not lower than its own.
 */
export function composeCanonical(cps: readonly number[]): number[] {
  const out: number[] = [];
  let starter = -1;
  // the class of the last character kept after the starter (-1: none yet)
  let between = -1;
  for (const c of cps) {
    const cls = ucdRecord(c).combining;
    const blocked = between !== -1 && (between === 0 || between >= cls);
    if (starter >= 0 && !blocked) {
      const comp = composePair(out[starter], c);
      if (comp !== null) {
        out[starter] = comp;
        continue;
      }
    }
    if (cls === 0) {
      starter = out.length;
      between = -1;
    } else between = cls;
    out.push(c);
  }
  return out;
}
