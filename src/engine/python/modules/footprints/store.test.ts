import { deflateSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { footprintSet, footprintsProvided, provideFootprints } from './store';
import type { FootprintDelta, PackedFootprints } from './types';

const pack = (text: string): string => Buffer.from(deflateSync(strToU8(text))).toString('base64');
const delta: FootprintDelta = {
  rss: 4096,
  anonMmap: 0,
  arenas: 0,
  hblkhd: 0,
  gc: { count: [3, 0, 0], collections: [0, 0, 0], objects: [0, 0, 0] },
};
const onDisk = (): PackedFootprints =>
  JSON.parse(readFileSync(new URL('./footprints.json', import.meta.url), 'utf8')) as PackedFootprints;

describe('the import footprints come from a provider (the worker fetches the file, Node reads it)', () => {
  afterAll(() => provideFootprints(onDisk)); // the set-up's provider, for the rest of the file's fork

  it('inflates a provided trace when first read, and names a version with no captures as null', () => {
    let reads = 0;
    provideFootprints(() => {
      reads++;
      return {
        '9.9.9': {
          startup: ['sys'],
          modules: {
            m: { deps: ['n'], delta, trace: pack('p m 1 32\n'), alone: { delta, trace: pack('g m 2 64\n') } },
          },
        },
      };
    });
    expect(reads).toBe(0); // nothing parsed until a script's first import asks
    const set = footprintSet('9.9.9')!;
    expect(set.startup).toEqual(['sys']);
    expect(set.modules.m.deps).toEqual(['n']);
    expect(set.modules.m.trace).toBe('p m 1 32\n');
    expect(set.modules.m.alone?.trace).toBe('g m 2 64\n');
    expect(footprintSet('3.11.7')).toBeNull();
    expect(reads).toBe(1);
  });

  it('a provider that failed says why at the first read', () => {
    provideFootprints(() => {
      throw new Error('the import footprints (x.json) could not be fetched: HTTP 404; reload the page');
    });
    expect(footprintsProvided()).toBe(true);
    expect(() => footprintSet('3.11.7')).toThrow(/HTTP 404/);
  });

  it('footprints.json holds every captured version, each module with its dependencies and a trace', () => {
    const file = onDisk();
    expect(Object.keys(file).sort()).toEqual(['3.11.7', '3.12.1', '3.13.0', 'debian-3.11.2']);
    provideFootprints(file);
    const json = footprintSet('3.11.7')!.modules.json;
    expect(json.trace.split('\n').some((l) => /^[pg] m /.test(l))).toBe(true);
    expect(footprintSet('3.11.7')!.startup).toContain('sys');
  });
});
