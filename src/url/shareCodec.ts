import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { GLIBC_TUNABLE_KEYS, type GlibcTunables } from '../engine/libc/glibcTunables';
import { MAX_COMPARE, MAX_VALUE_CHARS, MAX_VARS, VAR_NAME } from '../protocol/environment';
import { crc32 } from './crc32';

/**
 * Share links: `#v3/<base64url(crc32 ‖ deflate(json))>`, the CRC-32 (4 bytes, big-endian) taken
 * over the JSON, so a link damaged in transit is refused instead of loading another script (a
 * one-character change in a v1 link decoded to a different script 6.7% of the time). v3 carries the
 * environment (the interpreter version and the variables: LD_PRELOAD, MALLOC_CONF, …) and the
 * environments compared side by side; `#v2/` (same shape without them) and `#v1/` (no checksum)
 * links still open. One decoder, `decodeShare`, that never throws: it returns the state, or a reason
 * the page shows.
 */
export const SHARE_VERSION = 3;
/** Versions this page reads. */
const READS = [1, 2, 3];
/** Longer hashes are refused before any work: a script of a few KB compresses far below this. */
export const MAX_HASH_CHARS = 32_000;
/** Inflated JSON larger than this is refused (a deflate bomb would otherwise freeze the page). */
export const MAX_JSON_BYTES = 256_000;

export interface ShareState {
  source: string;
  scenarioId: string | null;
  tunables: GlibcTunables;
  mode: 'statement' | 'event';
  statement: number;
  event: number;
  /** How the views were zoomed and what was selected (optional: older links lack it). */
  view?: ShareView;
  /**
   * The simulated environment: the interpreter's version ("3.11") and the variables the process
   * gets; absent = CPython 3.11 with nothing set. The version is kept as the link says it (a later
   * page may know more versions): the page says what it cannot run. (v2 links had a `libc` name
   * here that no page wrote; it is read and dropped.)
   */
  env?: ShareEnv;
  /** Environments run side by side (2 to 4), when the link was made in the comparison. */
  compare?: ShareEnv[];
}

export interface ShareEnv {
  python?: string;
  vars?: Record<string, string>;
}

export interface ShareView {
  heapZoom?: { k: number; x: number };
  mapZoom?: { k: number; x: number };
  timelineDomain?: [number, number];
  /** A MemoryRef (src/engine/explain/types.ts), kept as data: the page checks its kind. */
  selected?: Record<string, unknown>;
  openPool?: number;
}

export type DecodeResult = { ok: true; state: ShareState } | { ok: false; reason: string } | { ok: 'empty' };

export function encodeShare(s: ShareState): string {
  const json = strToU8(JSON.stringify({ v: SHARE_VERSION, ...s }));
  const body = deflateSync(json, { level: 9 });
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, crc32(json));
  out.set(body, 4);
  return `#v${SHARE_VERSION}/${toBase64Url(out)}`;
}

export function decodeShare(hash: string): DecodeResult {
  try {
    return decodeUnsafe(hash);
  } catch {
    return { ok: false, reason: 'The link is damaged: its data could not be read.' };
  }
}

function decodeUnsafe(hash: string): DecodeResult {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '') return { ok: 'empty' };
  if (h.length > MAX_HASH_CHARS)
    return {
      ok: false,
      reason: `The link is too long (${h.length.toLocaleString('en-US')} characters; at most ${MAX_HASH_CHARS.toLocaleString('en-US')}).`,
    };
  const m = /^v(\d+)\/([A-Za-z0-9_-]*)$/.exec(h);
  if (!m)
    return {
      ok: false,
      reason: `This is not a Highwater share link (it should start with #v${SHARE_VERSION}/ or #scenario=).`,
    };
  const version = Number(m[1]);
  if (!READS.includes(version))
    return {
      ok: false,
      reason: `The link is of version ${version}; this page reads versions ${READS.join(' and ')}.`,
    };
  let bytes = fromBase64Url(m[2]);
  if (!bytes) return { ok: false, reason: 'The link is damaged: its data is not base64url.' };
  let sum: number | null = null;
  if (version >= 2) {
    if (bytes.length < 5) return { ok: false, reason: 'The link is damaged: it is cut short.' };
    sum = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
    bytes = bytes.subarray(4);
  }
  const raw = inflateBounded(bytes);
  if (!raw) return { ok: false, reason: 'The link holds too much data.' };
  if (sum !== null && crc32(raw) !== sum)
    return {
      ok: false,
      reason: 'The link is damaged: its checksum does not match (a character was changed or lost).',
    };
  const parsed: unknown = JSON.parse(strFromU8(raw));
  const state = validate(parsed, version);
  return state
    ? { ok: true, state }
    : { ok: false, reason: 'The link is damaged: its data has the wrong shape.' };
}

/** Inflate, giving up as soon as the output passes MAX_JSON_BYTES (a deflate bomb stops early). */
function inflateBounded(bytes: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_JSON_BYTES) tooBig = true;
    else parts.push(chunk);
  });
  for (let i = 0; i < bytes.length && !tooBig; i += 1024)
    inf.push(bytes.subarray(i, i + 1024), i + 1024 >= bytes.length);
  if (tooBig) return null;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const isNat = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

function validate(x: unknown, version: number): ShareState | null {
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  if (o.v !== version || typeof o.source !== 'string') return null;
  if (o.scenarioId !== null && typeof o.scenarioId !== 'string') return null;
  if (o.mode !== 'statement' && o.mode !== 'event') return null;
  if (!isNat(o.statement) || !isNat(o.event)) return null;
  if (typeof o.tunables !== 'object' || o.tunables === null) return null;
  const t = o.tunables as Record<string, unknown>;
  const tunables: ShareState['tunables'] = {};
  for (const k of GLIBC_TUNABLE_KEYS) {
    if (t[k] === undefined) continue;
    if (!isNat(t[k])) return null;
    tunables[k] = t[k];
  }
  const state: ShareState = {
    source: o.source,
    scenarioId: o.scenarioId as string | null,
    tunables,
    mode: o.mode,
    statement: o.statement,
    event: o.event,
  };
  const view = validateView(o.view);
  if (view) state.view = view;
  if (o.env !== undefined) {
    const env = validateEnv(o.env);
    if (!env) return null;
    state.env = env;
  }
  if (o.compare !== undefined) {
    if (!Array.isArray(o.compare) || o.compare.length < 2 || o.compare.length > MAX_COMPARE) return null;
    const envs = o.compare.map(validateEnv);
    if (envs.some((e) => e === null)) return null;
    state.compare = envs as ShareEnv[];
  }
  return state;
}

/** An environment as a link carries it: a short version string and NAME=VALUE variables. */
function validateEnv(x: unknown): ShareEnv | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const e = x as Record<string, unknown>;
  const out: ShareEnv = {};
  if (e.python !== undefined) {
    if (typeof e.python !== 'string' || !/^\d+\.\d+$/.test(e.python)) return null;
    out.python = e.python;
  }
  if (e.vars !== undefined) {
    if (typeof e.vars !== 'object' || e.vars === null || Array.isArray(e.vars)) return null;
    const entries = Object.entries(e.vars as Record<string, unknown>);
    if (entries.length > MAX_VARS) return null;
    const vars: Record<string, string> = {};
    for (const [k, v] of entries) {
      if (!VAR_NAME.test(k) || typeof v !== 'string' || v.length > MAX_VALUE_CHARS) return null;
      vars[k] = v;
    }
    out.vars = vars;
  }
  return out;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isZoom = (z: unknown): z is { k: number; x: number } =>
  typeof z === 'object' &&
  z !== null &&
  isNum((z as { k: unknown }).k) &&
  (z as { k: number }).k >= 1 &&
  isNum((z as { x: unknown }).x);
const REF_KINDS = [
  'chunk',
  'heapRange',
  'region',
  'arena',
  'pool',
  'block',
  'bin',
  'mmappedChunk',
  'extent',
  'segment',
  'miPage',
];

/** The view part is a nicety: whatever of it is malformed is dropped, never the whole link. */
function validateView(v: unknown): ShareView | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const out: ShareView = {};
  if (isZoom(o.heapZoom)) out.heapZoom = { k: o.heapZoom.k, x: o.heapZoom.x };
  if (isZoom(o.mapZoom)) out.mapZoom = { k: o.mapZoom.k, x: o.mapZoom.x };
  const d = o.timelineDomain;
  if (Array.isArray(d) && d.length === 2 && isNat(d[0]) && isNat(d[1]) && d[0] < d[1])
    out.timelineDomain = [d[0], d[1]];
  const sel = o.selected as Record<string, unknown> | undefined;
  if (
    sel &&
    typeof sel === 'object' &&
    REF_KINDS.includes(sel.kind as string) &&
    Object.entries(sel).every(([k, x]) => (k === 'kind' || k === 'bin' ? typeof x === 'string' : isNum(x)))
  )
    out.selected = { ...sel };
  if (isNat(o.openPool)) out.openPool = o.openPool;
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
