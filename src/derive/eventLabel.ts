import { EventKind } from '../engine/trace/events';
import type { EventRows } from '../protocol/messages';

const hex = (n: number): string => '0x' + n.toString(16);
const bytes = (n: number): string => {
  if (n >= 1048576) return `${(n / 1048576).toFixed(n >= 10485760 ? 1 : 2)} MiB`;
  if (n >= 10240) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n.toLocaleString('en-US')} B`;
};

/**
 * One allocator event as a line of the fine mode, with the real pointer and sizes:
 * "free(0x55558614c1b0) — 816 B chunk", "malloc(800) → 0x55558614c1b0 (816 B chunk)",
 * "PyObject_Free(0x7ffff7a10030) — 64 B block". `i` indexes the rows.
 */
export function eventLabel(r: EventRows, i: number): string {
  const k = r.kind[i];
  const a = r.addr[i];
  const n = r.size[i];
  const aux = r.aux[i];
  const chunk = r.chunk[i];
  const ch = chunk > 0 ? `${bytes(chunk)} chunk` : '';
  switch (k) {
    case EventKind.Malloc:
      return `malloc(${n.toLocaleString('en-US')}) → ${hex(a)}${ch && ` (${ch})`}`;
    case EventKind.Calloc:
      return `calloc(…, ${n.toLocaleString('en-US')} B) → ${hex(a)}${ch && ` (${ch})`}`;
    case EventKind.Realloc:
      return `realloc(${hex(aux)}, ${n.toLocaleString('en-US')}) → ${hex(a)}${ch && ` (${ch})`}`;
    case EventKind.Free:
      return a === 0 ? 'free(NULL)' : `free(${hex(a)})${ch && ` — ${ch}`}`;
    case EventKind.MallocTrim:
      return `malloc_trim(${n}) → ${aux}`;
    case EventKind.PyAlloc:
      return `PyObject_Malloc(${n}) → ${hex(a)} (${aux} B block)`;
    case EventKind.PyFree:
      return `PyObject_Free(${hex(a)}) — ${n} B block`;
    case EventKind.PyRealloc:
      return `PyObject_Realloc(${hex(aux)}, ${n}) → ${hex(a)}`;
    case EventKind.ArenaNew:
      return `new pymalloc arena at ${hex(a)} (1 MiB)`;
    case EventKind.ArenaFree:
      return `pymalloc arena at ${hex(a)} freed (1 MiB unmapped)`;
    case EventKind.Brk:
      return `brk: the heap ${aux >= a ? 'grows' : 'shrinks'} by ${bytes(Math.abs(n))}, break at ${hex(aux)}`;
    case EventKind.Mmap:
      return `mmap ${bytes(n)} at ${hex(a)}${aux === 1 ? ' (PROT_NONE: reserved, not usable yet)' : ''}`;
    case EventKind.Munmap:
      return `munmap ${bytes(n)} at ${hex(a)}`;
    case EventKind.Mremap:
      return `mremap ${hex(a)} to ${bytes(n)} at ${hex(aux)}`;
    case EventKind.MadviseDontneed:
      return `madvise(${hex(a)}, ${bytes(n)}, MADV_DONTNEED)`;
    case EventKind.MadviseHugepage:
      return `madvise(${hex(a)}, ${bytes(n)}, MADV_HUGEPAGE)`;
    case EventKind.Mprotect:
      return `mprotect(${hex(a)}, ${bytes(n)}, ${aux === 1 ? 'PROT_NONE' : 'PROT_READ|PROT_WRITE'})`;
    case EventKind.StatementStart:
      return `statement ${n + 1} starts`;
    case EventKind.GcCollect:
      return `gc: generation ${n} collected, ${aux} unreachable`;
    default:
      return `event ${k}`;
  }
}
