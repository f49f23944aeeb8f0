import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import {
  readPackedTraces,
  readTraces,
  renderPackedModule,
  renderTracesModule,
} from '../../../../scripts/embed-startup';
import { parseLibcEnv } from '../../libc/env';
import { PACKED_TRACES } from './packedTraces';
import { hasPymallocOffCapture, startupProfile, type ProfileName } from './profiles';
import { TRACES } from './traces';
import { VARIANT_CAPTURES } from './variantCaptures';
import { PYMALLOC_OFF_PROFILES, RECORDER_CHILD_CAPTURES, startupVariantsLoaded } from './variants';

describe('start-up captures (tools/capture_startup.py) and the boot from them', () => {
  it('traces.ts holds the *.trace files beside it (run scripts/embed-startup.ts after a capture)', () => {
    expect(renderTracesModule(TRACES)).toBe(renderTracesModule(readTraces()));
  });

  it("packedTraces.ts holds the version folders' variant captures (run scripts/embed-startup.ts)", () => {
    expect(renderPackedModule(PACKED_TRACES)).toBe(renderPackedModule(readPackedTraces()));
  });

  it('the variant captures are named without loading them (variants.ts lists what variantCaptures.ts holds)', () => {
    expect([...PYMALLOC_OFF_PROFILES].sort()).toEqual(Object.keys(VARIANT_CAPTURES.pymallocOff).sort());
    const children = Object.fromEntries(
      Object.entries(VARIANT_CAPTURES.recorderChildren).map(([k, v]) => [k, Object.keys(v).sort()]),
    );
    expect(RECORDER_CHILD_CAPTURES).toEqual(children);
    // every variant trace a capture names is packed
    const named = [
      ...Object.values(VARIANT_CAPTURES.pymallocOff),
      ...Object.values(VARIANT_CAPTURES.recorderChildren).flatMap((c) => Object.values(c).map((x) => x.info)),
    ].flatMap((info) => info.segments.map((s) => s.trace.replace(/\.gz$/, '')));
    for (const t of named) expect(Object.keys(VARIANT_CAPTURES.packed)).toContain(t);
    // the unit tests' set-up registers them as Node's bundles do (vitest.config.ts setupFiles)
    expect(startupVariantsLoaded()).toBe(true);
  });

  it("PYTHONMALLOC=malloc on 3.11.7 boots from its own capture: the recorder's <start> heap, chunk for chunk", () => {
    expect(hasPymallocOffCapture('cpython-3.11.7')).toBe(true);
    const profile = startupProfile('cpython-3.11.7', { pymallocOff: true });
    expect(profile.info.segments[0].trace).toBe('cpython-3.11.7-pymalloc-off.trace.gz');
    const rec = profile.info.segments[0].verification.recorder;
    const { env } = parseLibcEnv({ PYTHONMALLOC: 'malloc' });
    const m = new PythonProcess({ env }).measure();
    const mi = m.mallinfo2 as Record<string, number>;
    for (const f of ['arena', 'ordblks', 'smblks', 'hblks', 'hblkhd', 'uordblks', 'fordblks', 'keepcost'])
      expect([f, mi[f]]).toEqual([f, rec.mallinfo2[f]]);
    expect(m.heap).toBe(rec.heap);
    expect(m.rss).toBe(rec.rss);
    expect(m.anon_mmap).toBe(rec.anon_mmap);
    // the object start-up's heap is another one: 5,861,376 bytes against pymalloc's 1,941,504
    expect(m.heap).not.toBe(startupProfile('cpython-3.11.7').info.segments[0].verification.recorder.heap);
  });

  it("a recording's own recorder child boots its own start-up: 961cb490's, 4359d86b's, ec017255's and the current one's, each to its <start>", () => {
    const cur = startupProfile('cpython-3.11.7');
    const old = startupProfile('cpython-3.11.7', { recorderChild: '961cb490' });
    const prev = startupProfile('cpython-3.11.7', { recorderChild: '4359d86b' });
    const last = startupProfile('cpython-3.11.7', { recorderChild: 'ec017255' });
    expect(cur.info.child_sha256).toBe('626117f6d3bed68b');
    expect(last.info.child_sha256).toBe('ec0172552e006e2c');
    expect(old.info.child_sha256).toBe('961cb490a4d798e3');
    expect(prev.info.child_sha256).toBe('4359d86bc6b6c027');
    expect(old.gc.gen2Objects).toBeLessThan(prev.gc.gen2Objects);
    // the current child's own fingerprint, a child without a capture of its own (b1def959: sys.argv
    // aside the same child as 4359d86b, so it boots that one's) and the full fingerprint all pick the
    // capture they should
    expect(startupProfile('cpython-3.11.7', { recorderChild: '626117f6' }).info).toBe(cur.info);
    expect(startupProfile('cpython-3.11.7', { recorderChild: 'b1def959b0323671' }).info).toBe(prev.info);
    expect(startupProfile('cpython-3.11.7', { recorderChild: '961CB490A4D798E3' }).info).toBe(old.info);
    expect(() => startupProfile('cpython-3.11.7', { recorderChild: '961c' })).toThrow(/8 hex digits/);
    for (const [profile, child] of [
      [old, '961cb490'],
      [prev, '4359d86b'],
      [last, 'ec017255'],
      [cur, undefined],
    ] as const) {
      const rec = profile.info.segments[0].verification.recorder;
      const m = new PythonProcess({ recorderChild: child }).measure();
      const mi = m.mallinfo2 as Record<string, number>;
      for (const f of ['arena', 'ordblks', 'fordblks', 'uordblks', 'keepcost'])
        expect([child, f, mi[f]]).toEqual([child, f, rec.mallinfo2[f]]);
      expect(m.heap).toBe(rec.heap);
      const want = profile.info.segments[0].pymalloc_recorder;
      for (const [size, c] of Object.entries(want.classes))
        expect([child, size, m.pymalloc.classes[size]?.blocks_in_use]).toEqual([child, size, c.blocks_in_use]);
    }
    // the two children's <start> heaps differ (1,916,928 and 1,941,504 B): the reason to pick by child
    expect(cur.info.segments[0].glibc.heap_size).not.toBe(old.info.segments[0].glibc.heap_size);
  });

  it("3.12.1 and 3.13.0: the current child's capture is the default, the first child's and those between boot the first's", () => {
    for (const name of ['cpython-3.12.1', 'cpython-3.13.0'] as const) {
      const cur = startupProfile(name);
      const old = startupProfile(name, { recorderChild: '961cb490' });
      expect([name, cur.info.child_sha256]).toEqual([name, '626117f6d3bed68b']);
      expect([name, old.info.child_sha256]).toEqual([name, '961cb490a4d798e3']);
      expect(startupProfile(name, { recorderChild: '626117f6' }).info).toBe(cur.info);
      // the children between have no capture on these releases: their recordings boot the first's
      for (const between of ['4359d86b', 'b1def959', 'ec017255'])
        expect([name, between, startupProfile(name, { recorderChild: between }).info]).toEqual([name, between, old.info]);
      // pymain's 9 __main__ keys, SourceFileLoader and the future-lead check: 57,840 B (3.12.1) and
      // 54,016 B (3.13.0) more in use at <start> than the first child's
      const used = (p: typeof cur) => p.info.segments[0].verification.recorder.mallinfo2.uordblks;
      expect([name, used(cur) - used(old)]).toEqual([name, name === 'cpython-3.12.1' ? 57840 : 54016]);
      const rec = old.info.segments[0].verification.recorder;
      const m = new PythonProcess({ profile: name, recorderChild: '961cb490a4d798e3' }).measure();
      const mi = m.mallinfo2 as Record<string, number>;
      for (const f of ['arena', 'ordblks', 'fordblks', 'uordblks', 'keepcost'])
        expect([name, f, mi[f]]).toEqual([name, f, rec.mallinfo2[f]]);
      expect(m.heap).toBe(rec.heap);
    }
  });

  for (const name of [
    'cpython-3.11.7',
    'debian-3.11.2',
    'cpython-3.12.1',
    'cpython-3.13.0',
  ] as ProfileName[]) {
    it(`${name}: the replayed start-up gives the recorder's <start> glibc state, RSS and anonymous mappings`, () => {
      const profile = startupProfile(name);
      const rec = profile.info.segments[0].verification.recorder;
      const p = new PythonProcess({ profile: name });
      const m = p.measure();
      const mi = m.mallinfo2 as Record<string, number>;
      for (const f of ['arena', 'ordblks', 'smblks', 'hblks', 'hblkhd', 'uordblks', 'fordblks', 'keepcost'])
        expect([f, mi[f]]).toEqual([f, rec.mallinfo2[f]]);
      expect(m.heap).toBe(rec.heap);
      expect(m.rss).toBe(rec.rss);
      expect(m.anon_mmap).toBe(rec.anon_mmap);
      const want = profile.info.segments[0].pymalloc_recorder;
      expect(m.pymalloc.arenas_allocated_current).toBe(want.arenas_allocated_current);
      for (const [size, c] of Object.entries(want.classes)) {
        expect([size, m.pymalloc.classes[size]?.blocks_in_use]).toEqual([size, c.blocks_in_use]);
      }
    });
  }
});
