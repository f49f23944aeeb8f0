import cpython3117PymallocOff from './3.11.7/cpython-3.11.7-pymalloc-off.json';
import debian3112PymallocOff from './3.11.2/debian-3.11.2-pymalloc-off.json';
import cpython3117Child961 from './3.11.7/cpython-3.11.7-child-961cb490.json';
import cpython3117Child4359 from './3.11.7/cpython-3.11.7-child-4359d86b.json';
import cpython3117ChildEc01 from './3.11.7/cpython-3.11.7-child-ec017255.json';
import cpython3121Child961 from './3.12.1/cpython-3.12.1-child-961cb490.json';
import cpython3130Child961 from './3.13.0/cpython-3.13.0-child-961cb490.json';
import { PACKED_TRACES } from './packedTraces';
import type { StartupCaptures } from './variants';

/**
 * The start-up captures made under another setting than the default one, with their packed traces:
 * 1.6 MB of the 1.7 MB of start-up data, which only a PYTHONMALLOC=malloc run or a recording of an
 * older recorder child boots from. The worker imports this module dynamically (variants.ts) when a
 * run asks for one, so the default glibc first run does not download or parse it; Node's entry
 * points register it eagerly (eagerVariants.ts).
 */
export const VARIANT_CAPTURES: StartupCaptures = {
  packed: PACKED_TRACES,
  pymallocOff: {
    'cpython-3.11.7': cpython3117PymallocOff as unknown as StartupCaptures['pymallocOff'][string],
    // with its numpy-import segment: under PYTHONMALLOC=malloc the import's objects are glibc chunks
    // (heap 5.46 → 13.86 MB at the import's end, no pymalloc arena), numpy/importFootprint.ts replays it
    'debian-3.11.2': debian3112PymallocOff as unknown as StartupCaptures['pymallocOff'][string],
  },
  recorderChildren: {
    'cpython-3.11.7': {
      '961cb490a4d798e3': {
        info: cpython3117Child961 as unknown as StartupCaptures['pymallocOff'][string],
        // its recordings at <start>: 11,649 objects in generation 2, collections [23, 2, 1]
        gc: { gen2Objects: 11649, count0: 1, collections: [23, 2, 1] },
      },
      // the child before misses-6 (__hw_step__(0) always first): its 3.11.7 corpus recordings at <start>,
      // 11,654 objects in generation 2 in 64 (11,653 to 11,656 in 71), collections [24, 2, 1] in 132
      '4359d86bc6b6c027': {
        info: cpython3117Child4359 as unknown as StartupCaptures['pymallocOff'][string],
        gc: { gen2Objects: 11654, count0: 1, collections: [24, 2, 1] },
      },
      // the child before mainrun (the scenario's globals held __name__ and __builtins__ only): the
      // default capture of misses-6 to mainrun, with its gc reading at <start>
      ec0172552e006e2c: {
        info: cpython3117ChildEc01 as unknown as StartupCaptures['pymallocOff'][string],
        gc: { gen2Objects: 11653, count0: 1, collections: [23, 2, 1] },
      },
    },
    // 3.12.1's and 3.13.0's start-ups under the first child (961cb490, the scenario run in the
    // child's own globals): the default captures until versions-14, whose recordings (56 of the
    // corpus's on each release, every fidelity scenario's) and those of the children between
    // (4359d86b, b1def959, ec017255: no capture of their own, UNCAPTURED_CHILDREN) boot from them;
    // 57,840 / 54,016 B less in use at <start> than the current child's; its recordings at <start>:
    // 6,232 / 6,766 objects in generation 2
    'cpython-3.12.1': {
      '961cb490a4d798e3': {
        info: cpython3121Child961 as unknown as StartupCaptures['pymallocOff'][string],
        gc: { gen2Objects: 6232, count0: 1, collections: [7, 0, 1] },
      },
    },
    'cpython-3.13.0': {
      '961cb490a4d798e3': {
        info: cpython3130Child961 as unknown as StartupCaptures['pymallocOff'][string],
        gc: { gen2Objects: 6766, count0: 1, collections: [4, 0, 1] },
      },
    },
  },
};
