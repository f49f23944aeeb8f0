/**
 * The bytes a bytes or bytearray holds, kept without a JS object per byte. Small contents are a
 * latin-1 JS string; big ones a `ByteStore`: a uniform fill (`bytearray(10**8)` holds no data at
 * all) over which 4 KiB pages are materialised as Uint8Arrays on their first write. A
 * 1.1 MB bytearray written record by record through struct.pack_into, a memoryview slice or
 * readinto costs 270 pages, not 1.1 M map entries; a sieve's sparse stores into 10^8 zeros cost
 * one page per 4 KiB touched. Writing into a string content longer than STRING_WRITE_LIMIT turns
 * it into a store (a string splice per write was quadratic: 50,000 records × 1.1 MB).
 */
export const STORE_PAGE = 4096;
const PAGE_SHIFT = 12;
/** A string content at most this long is spliced in place; longer ones become a store on a write. */
const STRING_WRITE_LIMIT = 256;

export interface ByteStore {
  fill: number;
  length: number;
  /** Page index → its 4096 bytes (the fill where never written). */
  pages?: Map<number, Uint8Array>;
  /**
   * How many times its pages were written in place: an array made by np.frombuffer on the
   * bytearray keeps its numbers beside these bytes and decodes them again when this moved.
   */
  version?: number;
}

export type ByteContent = string | ByteStore;

/** A store with no page written: every byte is `fill`. */
export const isUniform = (c: ByteContent): boolean => typeof c !== 'string' && !c.pages?.size;

export function storeByte(c: ByteStore, i: number): number {
  const page = c.pages?.get(i >>> PAGE_SHIFT);
  return page === undefined ? c.fill : page[i & (STORE_PAGE - 1)];
}

/** A copy of bytes [lo, hi) of the content. */
export function contentBytes(c: ByteContent, lo: number, hi: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, hi - lo));
  if (typeof c === 'string') {
    for (let i = lo; i < hi; i++) out[i - lo] = c.charCodeAt(i);
    return out;
  }
  out.fill(c.fill);
  if (!c.pages?.size) return out;
  for (let p = lo >>> PAGE_SHIFT; p << PAGE_SHIFT < hi; p++) {
    const page = c.pages.get(p);
    if (page === undefined) continue;
    const base = p << PAGE_SHIFT;
    const from = Math.max(lo, base);
    const to = Math.min(hi, base + STORE_PAGE);
    out.set(page.subarray(from - base, to - base), from - lo);
  }
  return out;
}

/** A store holding the string's bytes (its pages all materialised). */
export function storeFromString(s: string): ByteStore {
  const pages = new Map<number, Uint8Array>();
  for (let base = 0; base < s.length; base += STORE_PAGE) {
    const page = new Uint8Array(STORE_PAGE);
    const end = Math.min(s.length, base + STORE_PAGE);
    for (let i = base; i < end; i++) page[i - base] = s.charCodeAt(i);
    pages.set(base >>> PAGE_SHIFT, page);
  }
  return { fill: 0, length: s.length, pages };
}

/**
 * The content with `src` written at `at` (at + src.length ≤ length; the length is unchanged).
 * A store is changed in place and returned; a string gives a new content.
 */
export function writeContent(c: ByteContent, at: number, src: Uint8Array): ByteContent {
  if (src.length === 0) return c;
  if (typeof c === 'string') {
    if (c.length > STRING_WRITE_LIMIT) return writeContent(storeFromString(c), at, src);
    let ins = '';
    for (let i = 0; i < src.length; i++) ins += String.fromCharCode(src[i]);
    return c.slice(0, at) + ins + c.slice(at + src.length);
  }
  const pages = (c.pages ??= new Map());
  c.version = (c.version ?? 0) + 1;
  let k = 0;
  while (k < src.length) {
    const i = at + k;
    const p = i >>> PAGE_SHIFT;
    let page = pages.get(p);
    if (page === undefined) {
      page = new Uint8Array(STORE_PAGE);
      if (c.fill !== 0) page.fill(c.fill);
      pages.set(p, page);
    }
    const off = i & (STORE_PAGE - 1);
    const n = Math.min(STORE_PAGE - off, src.length - k);
    page.set(src.subarray(k, k + n), off);
    k += n;
  }
  return c;
}

/** An independent copy (a store's pages are mutable: bytes(bytearray) must not share them). */
export function contentCopy(c: ByteContent): ByteContent {
  if (typeof c === 'string') return c;
  const out: ByteStore = { fill: c.fill, length: c.length };
  if (c.pages?.size) out.pages = new Map([...c.pages].map(([p, page]) => [p, page.slice()]));
  return out;
}

/** Contents holding `u8`: a string up to 1 MiB (what most operations read), a store beyond. */
export function contentFromBytes(u8: Uint8Array): ByteContent {
  if (u8.length > 1 << 20) {
    const pages = new Map<number, Uint8Array>();
    for (let base = 0; base < u8.length; base += STORE_PAGE) {
      const page = new Uint8Array(STORE_PAGE);
      page.set(u8.subarray(base, Math.min(u8.length, base + STORE_PAGE)));
      pages.set(base >>> PAGE_SHIFT, page);
    }
    return { fill: 0, length: u8.length, pages };
  }
  let s = '';
  for (let i = 0; i < u8.length; i += 8192) s += String.fromCharCode(...u8.subarray(i, i + 8192));
  return s;
}
