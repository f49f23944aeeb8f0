import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { MAX_HASH_CHARS, decodeShare, encodeShare, type ShareState } from './shareCodec';

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

describe('share links', () => {
  it('round-trips a state', () => {
    expect(decodeShare(encodeShare(STATE))).toEqual({ ok: true, state: STATE });
  });

  const table: [string, string, 'ok' | 'empty' | RegExp][] = [
    ['empty hash', '', 'empty'],
    ['just #', '#', 'empty'],
    ['current version', encodeShare(STATE), 'ok'],
    ['old or future version', '#v0/abc', /version 0/],
    ['version 2', '#v2/' + encodeShare(STATE).slice(4), /version 2/],
    ['no version', '#hello', /not a Highwater share link/],
    ['not base64url', '#v1/@@@@', /not a Highwater share link/],
    ['bad length', '#v1/a', /not base64url/],
    ['not deflate', '#v1/' + b64url(strToU8('plain text, not deflated')), /damaged/],
    ['not json', packed('x').replace(/^#v1\//, '#v1/') + 'AAAA', /damaged/],
    ['wrong shape', packed({ v: 1, source: 3 }), /wrong shape/],
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

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => void decodeShare(s)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => void decodeShare('#v1/' + s)),
      { numRuns: 2000 },
    );
  });
});
