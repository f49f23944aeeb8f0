import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { crc32 } from './crc32';
import { decodeScenarioLink, encodeScenarioLink } from './scenarioLink';
import { MAX_HASH_CHARS, decodeShare, encodeShare, type ShareEnv, type ShareState } from './shareCodec';

const STATE: ShareState = {
  source: 'a = [[0] * 100 for _ in range(1000000)]\ndel a\n',
  scenarioId: 'seed-small-lists',
  tunables: { tcacheCount: 0 },
  mode: 'event',
  statement: 1,
  event: 123456,
};

const b64url = (u: Uint8Array): string => Buffer.from(u).toString('base64url');
const packed = (o: unknown): string => `#v1/${b64url(deflateSync(strToU8(JSON.stringify(o))))}`;
/** A v2 link as the page writes it, from any JSON (the checksum over the JSON, then deflate). */
const packed2 = (o: unknown): string => {
  const json = strToU8(JSON.stringify(o));
  const body = deflateSync(json);
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, crc32(json));
  out.set(body, 4);
  return `#v2/${b64url(out)}`;
};
const packed3 = (o: unknown): string => '#v3/' + packed2(o).slice(4);

describe('share links', () => {
  it('round-trips a state', () => {
    expect(decodeShare(encodeShare(STATE))).toEqual({ ok: true, state: STATE });
  });

  const table: [string, string, 'ok' | 'empty' | RegExp][] = [
    ['empty hash', '', 'empty'],
    ['just #', '#', 'empty'],
    ['current version', encodeShare(STATE), 'ok'],
    ['old or future version', '#v0/abc', /version 0/],
    ['future version', '#v4/' + encodeShare(STATE).slice(4), /version 4; this page reads versions 1 and 2 and 3/],
    ['a v2 link (no environment) still opens', packed2({ ...STATE, v: 2 }), 'ok'],
    ['a v1 link (no checksum) still opens', packed({ ...STATE, v: 1 }), 'ok'],
    ['v2 cut short', '#v2/AAAA', /cut short/],
    [
      'v2 with a wrong checksum',
      '#v2/' +
        b64url(new Uint8Array([1, 2, 3, 4, ...deflateSync(strToU8(JSON.stringify({ ...STATE, v: 2 })))])),
      /checksum/,
    ],
    ['v2 with the v1 payload', packed2({ ...STATE, v: 1 }), /wrong shape/],
    ['v2 with a bad env', packed2({ ...STATE, v: 2, env: { python: 3 } }), /wrong shape/],
    ['v3 with a bad variable name', packed3({ ...STATE, v: 3, env: { vars: { 'A B': '1' } } }), /wrong shape/],
    ['v3 with a variable that is not text', packed3({ ...STATE, v: 3, env: { vars: { A: 1 } } }), /wrong shape/],
    ['v3 with a version that is not one', packed3({ ...STATE, v: 3, env: { python: 'latest' } }), /wrong shape/],
    ['v3 comparing one environment', packed3({ ...STATE, v: 3, compare: [{}] }), /wrong shape/],
    ['v3 comparing five', packed3({ ...STATE, v: 3, compare: [{}, {}, {}, {}, {}] }), /wrong shape/],
    ['no version', '#hello', /not a Highwater share link/],
    ['not base64url', '#v1/@@@@', /not a Highwater share link/],
    ['bad length', '#v1/a', /not base64url/],
    ['not deflate', '#v1/' + b64url(strToU8('plain text, not deflated')), /damaged/],
    ['not json', packed('x').replace(/^#v1\//, '#v1/') + 'AAAA', /damaged/],
    ['wrong shape', packed({ v: 1, source: 3 }), /wrong shape/],
    ['wrong shape (v2)', packed2({ v: 2, source: 3 }), /wrong shape/],
    ['negative statement', packed({ ...STATE, v: 1, statement: -1 }), /wrong shape/],
    ['bad tunable', packed({ ...STATE, v: 1, tunables: { tcacheCount: 'x' } }), /wrong shape/],
    ['too long', '#v1/' + 'A'.repeat(MAX_HASH_CHARS + 1), /too long/],
    ['deflate bomb', packed({ ...STATE, v: 1, source: ' '.repeat(1_000_000) }), /too much/],
  ];
  for (const [name, hash, want] of table) {
    it(name, () => {
      const r = decodeShare(hash);
      if (want === 'ok') expect(r.ok).toBe(true);
      else if (want === 'empty') expect(r).toEqual({ ok: 'empty' });
      else {
        expect(r.ok).toBe(false);
        if (r.ok === false) expect(r.reason).toMatch(want);
      }
    });
  }

  it('keeps a valid view and drops a malformed one without losing the link', () => {
    const view = {
      heapZoom: { k: 40, x: -1200 },
      timelineDomain: [10, 2000] as [number, number],
      selected: { kind: 'chunk', address: 4096, size: 816 },
      openPool: 16384,
    };
    expect(decodeShare(encodeShare({ ...STATE, view }))).toEqual({ ok: true, state: { ...STATE, view } });
    const bad = decodeShare(
      packed({
        ...STATE,
        v: 1,
        view: { heapZoom: { k: 'x' }, selected: { kind: 'evil', address: 1 }, timelineDomain: [5, 1] },
      }),
    );
    expect(bad).toEqual({ ok: true, state: { ...STATE, view: {} } });
  });

  it('carries the environment and the compared environments', () => {
    const env = { python: '3.12', vars: { LD_PRELOAD: 'libjemalloc.so.2', MALLOC_CONF: 'dirty_decay_ms:0' } };
    const compare: ShareEnv[] = [{ python: '3.11', vars: {} }, env, { vars: { MIMALLOC_DECOMMIT_DELAY: '0' } }];
    expect(decodeShare(encodeShare({ ...STATE, env, compare }))).toEqual({
      ok: true,
      state: { ...STATE, env, compare },
    });
  });

  it('keeps a v2 link’s version (a later page’s link) and drops its libc name', () => {
    expect(decodeShare(packed2({ ...STATE, v: 2, env: { python: '3.12', libc: 'jemalloc' } }))).toEqual({
      ok: true,
      state: { ...STATE, env: { python: '3.12' } },
    });
  });

  it('refuses every one-character corruption of a link that changes its data', () => {
    const link = encodeShare({
      ...STATE,
      source: 'a = [[0] * 100 for _ in range(100000)]\ndel a\n',
      env: { python: '3.11', vars: { LD_PRELOAD: 'libjemalloc.so.2' } },
    });
    const head = '#v3/'.length;
    const original = (decodeShare(link) as { state: ShareState }).state;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let tried = 0;
    let wrong = 0;
    for (let i = head; i < link.length; i++)
      for (let j = 0; j < alphabet.length; j += 7) {
        const c = alphabet[j];
        if (c === link[i]) continue;
        const r = decodeShare(link.slice(0, i) + c + link.slice(i + 1));
        tried++;
        // The last character's unused low bits may change without changing a byte: the same state is no harm.
        if (r.ok === true && JSON.stringify(r.state) !== JSON.stringify(original)) wrong++;
      }
    expect(tried).toBeGreaterThan(500);
    expect(wrong).toBe(0);
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => void decodeShare(s)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => void decodeShare('#v1/' + s)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (u) => void decodeShare('#v2/' + b64url(u))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (env) => void decodeShare(packed3({ ...STATE, v: 3, env, compare: [env, env] }))),
      { numRuns: 1000 },
    );
  });
});

describe('scenario links', () => {
  const known = (id: string): boolean => id === 'malloc_trim';
  it('opens a library scenario by name at a step or an event', () => {
    expect(decodeScenarioLink('#scenario=malloc_trim', known)).toEqual({
      ok: true,
      link: { scenario: 'malloc_trim', mode: 'statement', statement: 0, event: 0 },
    });
    expect(decodeScenarioLink('#scenario=malloc_trim&step=3', known)).toMatchObject({
      ok: true,
      link: { statement: 3 },
    });
    expect(decodeScenarioLink('#scenario=malloc_trim&event=1200', known)).toMatchObject({
      ok: true,
      link: { mode: 'event', event: 1200 },
    });
  });
  it('says what is wrong with a bad one, and ignores other hashes', () => {
    expect(decodeScenarioLink('#scenario=nope', known)).toEqual({
      ok: false,
      reason: expect.stringMatching(/no scenario named “nope”/),
    });
    expect(decodeScenarioLink('#scenario=malloc_trim&step=-1', known)).toMatchObject({ ok: false });
    expect(decodeScenarioLink('#scenario=malloc_trim&step=1e400', known)).toMatchObject({ ok: false });
    expect(decodeScenarioLink('#v2/abc', known)).toBeNull();
  });
  it('round-trips', () => {
    const link = { scenario: 'malloc_trim', mode: 'event' as const, statement: 0, event: 77 };
    expect(decodeScenarioLink(encodeScenarioLink(link), known)).toEqual({ ok: true, link });
    fc.assert(
      fc.property(fc.string(), (s) => void decodeScenarioLink('#scenario=' + s, known)),
      { numRuns: 1000 },
    );
  });
});
