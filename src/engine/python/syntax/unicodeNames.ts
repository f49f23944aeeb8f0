import { inflateSync } from 'fflate';
import { CJK_UNIFIED_RANGES, NAMES_DEFLATED } from './unicodeNames.data';

/**
 * The lookup behind `\N{name}` in string literals (unicodedata's capi_getcode, Unicode 14.0.0 as
 * in CPython 3.11): case-insensitive names and aliases, plus the algorithmic Hangul syllable and
 * CJK unified ideograph names. Named sequences are refused, as `\N{}` refuses them. The table is
 * inflated on first use (most scripts never need it).
 */
export function lookupUnicodeName(name: string): number | null {
  if (asciiUpper(name.slice(0, 16)) === 'HANGUL SYLLABLE ') return hangul(name.slice(16));
  if (asciiUpper(name.slice(0, 22)) === 'CJK UNIFIED IDEOGRAPH-') return cjk(name.slice(22));
  return table().get(asciiUpper(name)) ?? null;
}

function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

function cjk(hex: string): number | null {
  if ((hex.length !== 4 && hex.length !== 5) || !/^[0-9A-F]+$/.test(hex)) return null;
  const v = parseInt(hex, 16);
  return CJK_UNIFIED_RANGES.some(([a, b]) => v >= a && v <= b) ? v : null;
}

const JAMO_L = [
  'G',
  'GG',
  'N',
  'D',
  'DD',
  'R',
  'M',
  'B',
  'BB',
  'S',
  'SS',
  '',
  'J',
  'JJ',
  'C',
  'K',
  'T',
  'P',
  'H',
];
const JAMO_V = [
  'A',
  'AE',
  'YA',
  'YAE',
  'EO',
  'E',
  'YEO',
  'YE',
  'O',
  'WA',
  'WAE',
  'OE',
  'YO',
  'U',
  'WEO',
  'WE',
  'WI',
  'YU',
  'EU',
  'YI',
  'I',
];
const JAMO_T = [
  '',
  'G',
  'GG',
  'GS',
  'N',
  'NJ',
  'NH',
  'D',
  'L',
  'LG',
  'LM',
  'LB',
  'LS',
  'LT',
  'LP',
  'LH',
  'M',
  'B',
  'BS',
  'S',
  'SS',
  'NG',
  'J',
  'C',
  'K',
  'T',
  'P',
  'H',
];

/** find_syllable: the longest jamo name at the start of `s` (compared case-sensitively, as the C code does). */
function longest(s: string, names: string[]): [number, number] {
  let len = -1;
  let pos = -1;
  names.forEach((n, i) => {
    if (n.length > len && s.startsWith(n)) {
      len = n.length;
      pos = i;
    }
  });
  return [Math.max(len, 0), pos];
}

function hangul(rest: string): number | null {
  let at = 0;
  const [l1, L] = longest(rest, JAMO_L);
  at += l1;
  const [l2, V] = longest(rest.slice(at), JAMO_V);
  at += l2;
  const [l3, T] = longest(rest.slice(at), JAMO_T);
  at += l3;
  if (L < 0 || V < 0 || T < 0 || at !== rest.length) return null;
  return 0xac00 + (L * 21 + V) * 28 + T;
}

let names: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (names) return names;
  const text = new TextDecoder().decode(inflateSync(base64(NAMES_DEFLATED)));
  const map = new Map<string, number>();
  let cp = -1;
  let aliases = false;
  for (const line of text.split('\n')) {
    if (line === '') {
      aliases = true;
      continue;
    }
    const sp = line.indexOf(' ');
    const hex = sp > 0 && /^[0-9a-f]+$/.test(line.slice(0, sp));
    if (aliases) {
      map.set(line.slice(sp + 1), parseInt(line.slice(0, sp), 16));
      continue;
    }
    cp += hex ? parseInt(line.slice(0, sp), 16) + 1 : 1;
    map.set(hex ? line.slice(sp + 1) : line, cp);
  }
  names = map;
  return map;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(s: string): Uint8Array {
  const val = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) val[B64.charCodeAt(i)] = i;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const v = val[s.charCodeAt(i)];
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}
