import type { CountedGarbage } from '../runtime/gc';
import type { Vm } from '../runtime/vm';
import type { ImportGarbage } from './footprints/types';

/**
 * The cycles an import leaves for the collector (tools/imports/capture_garbage.py). pickle.py
 * defines PickleError, PicklingError and UnpicklingError in Python, then rebinds the names to
 * _pickle's classes: the three Python classes (each a cycle through its MRO tuple and its dict)
 * are garbage when the import ends; datetime.py builds the whole module in Python before
 * `from _datetime import *`: 3.11.7 finds 260 objects after `import datetime` in the recorder's
 * process and frees 1,151 blocks. The footprint leaves those blocks live; the real process gives
 * them back at its next collection of the generation they sit in (gc_collect_main: a younger
 * generation's garbage is found by any collection, an older one's only by a collection of it),
 * and that collection counts them in what gc.collect() returns.
 */
export interface ImportGarbageHost {
  /**
   * Free the block the import's footprint calls `id` in `domain` (`p`: through pymalloc, `g`: the C
   * library) if the import left it live and nothing freed it since; true when it was freed here.
   */
  free(domain: 'p' | 'g', id: number): boolean;
}

/** Hand an import's garbage to the collector, one entry per generation holding any. */
export function registerImportGarbage(vm: Vm, source: string, garbage: ImportGarbage, host: ImportGarbageHost): void {
  garbage.forEach((gen, generation) => {
    if (gen.count === 0 && gen.p.length + gen.g.length === 0) return;
    const entry: CountedGarbage = {
      generation,
      collect(): number {
        let freed = 0;
        for (const id of gen.p) if (host.free('p', id)) freed++;
        for (const id of gen.g) if (host.free('g', id)) freed++;
        // every block gone already: a collection inside a later import's trace freed them (its
        // capture ran one there), and that import's counts hold them
        if (freed === 0 && gen.p.length + gen.g.length > 0) return 0;
        vm.gc.inventory.drop(source, gen.count);
        return gen.count;
      },
    };
    vm.gc.countedGarbage.push(entry);
  });
}
