import layout3121 from './3.12.1/layout.json';
import layout3130 from './3.13.0/layout.json';
import type { Kernel } from '../../kernel/kernel';

/**
 * Where the real process's shared objects sit (tools/layout/record_layout.py, read from the
 * recorder's child at `<start>` with ASLR off): the kernel places every mmap top-down from
 * mmap_base into the highest gap (vm_unmapped_area), so the page offset of each pymalloc arena,
 * and with it whether new_arena loses a pool to 16 KiB alignment (63 or 64 pools), depends on
 * everything mapped above it. Measured on 3.12.1: the start-up arenas begin below the locale
 * archive at page offset 1 (mod 16 KiB); from a bare mmap base they land at 2.
 */
export interface ProcessLayout {
  /** The top of the mmap area: ld.so's end (with ASLR off it is mapped first, at the top). */
  mmap_base: number;
  /** [start, length, what] of every loaded object and file mapping at `<start>` (not the model's). */
  loaded: [number, number, string][];
  /**
   * Per extension module, the objects its dlopen maps in order (the .so, then its DT_NEEDED
   * libraries not yet loaded, breadth first as _dl_map_object_deps): the whole load span and the
   * anonymous zero-fill (.bss) pages inside it, [offset, length].
   */
  extensions: Record<string, { object: string; span: number; bss: [number, number][] }[]>;
}

const LAYOUTS: Record<string, ProcessLayout> = {
  'cpython-3.12.1': layout3121 as unknown as ProcessLayout,
  'cpython-3.13.0': layout3130 as unknown as ProcessLayout,
};

/** The measured layout of a start-up profile, or null (3.11's boot keeps the model's bare mmap base). */
export function processLayout(profile: string): ProcessLayout | null {
  return LAYOUTS[profile] ?? null;
}

/** Reserve what the real process has mapped at `<start>`, so the boot's mmaps land where the real ones do. */
export function placeLoaded(kernel: Kernel, layout: ProcessLayout): void {
  for (const [start, length] of layout.loaded) kernel.reserveLoaded(start, length);
}

/**
 * dlopen of an extension module's .so (and the libraries it needs that are not loaded yet): each
 * object's load span placed top-down as ld.so's one mmap places it, its .bss pages an anonymous
 * mapping at their address (what /proc/PID/maps shows as the nameless rw-p after the object).
 * A module whose objects are loaded already maps nothing.
 */
export function loadExtension(
  kernel: Kernel,
  layout: ProcessLayout,
  module: string,
  loadedObjects: Set<string>,
): void {
  for (const obj of layout.extensions[module] ?? []) {
    if (loadedObjects.has(obj.object)) continue;
    loadedObjects.add(obj.object);
    kernel.mapObject(obj.span, obj.bss, `${obj.object} (.bss)`);
  }
}
