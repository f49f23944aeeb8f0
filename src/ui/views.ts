import type { ComponentType } from 'react';
import { parseLibcEnv } from '../engine/libc/env';
import type { LibcKind } from '../engine/libc/libc';
import type { Snapshot } from '../engine/trace/snapshot';
import { AddressMap } from './addressMap/AddressMap';
import { GlibcView } from './glibc/GlibcView';
import { JemallocView } from './jemalloc/JemallocView';
import { MimallocView } from './mimalloc/MimallocView';
import { PymallocView } from './pymalloc/PymallocView';
import { Timeline } from './timeline/Timeline';

/** What decides which views show: the C library the run is on, and the snapshot when there is one. */
export interface ViewContext {
  libc: LibcKind;
  snapshot: Snapshot | null;
}

/**
 * One view of the page (in the manner of Perfetto's track descriptors): a new view is its folder
 * and one entry here. `layer` says where it goes: the overview across the top, then the C library's
 * view beside the object allocator's.
 */
export interface ViewDescriptor {
  id: string;
  title: string;
  layer: 'overview' | 'libc' | 'objects';
  component: ComponentType;
  shownFor: (c: ViewContext) => boolean;
}

export const VIEWS: readonly ViewDescriptor[] = [
  { id: 'timeline', title: 'Timeline', layer: 'overview', component: Timeline, shownFor: () => true },
  {
    id: 'address-map',
    title: 'Address space',
    layer: 'overview',
    component: AddressMap,
    shownFor: () => true,
  },
  {
    id: 'glibc',
    title: 'glibc heap',
    layer: 'libc',
    component: GlibcView,
    shownFor: (c) => c.libc === 'glibc',
  },
  {
    id: 'jemalloc',
    title: 'jemalloc extents',
    layer: 'libc',
    component: JemallocView,
    shownFor: (c) => c.libc === 'jemalloc',
  },
  {
    id: 'mimalloc',
    title: 'mimalloc segments',
    layer: 'libc',
    component: MimallocView,
    shownFor: (c) => c.libc === 'mimalloc',
  },
  {
    id: 'pymalloc',
    title: 'pymalloc arenas',
    layer: 'objects',
    component: PymallocView,
    // Off when the process runs without pymalloc (PYTHONMALLOC=malloc: no arenas at all).
    shownFor: (c) => c.snapshot === null || c.snapshot.arenas !== null,
  },
];

/** The C library an environment's variables select (glibc when they cannot be read: the run will say why). */
export function libcOfVars(vars: Record<string, string>): LibcKind {
  try {
    return parseLibcEnv(vars).env.allocator;
  } catch {
    return 'glibc';
  }
}

export const viewsFor = (c: ViewContext, layer?: ViewDescriptor['layer']): ViewDescriptor[] =>
  VIEWS.filter((v) => (layer === undefined || v.layer === layer) && v.shownFor(c));
