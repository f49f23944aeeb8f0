/**
 * The allocator events every layer reports, in the order they happen: the timeline, the fine
 * stepping mode and `--malloc-log` are all read from here. This file imports nothing, so every
 * layer (kernel, glibc, pymalloc, python, numpy) may use it.
 */
export enum EventKind {
  // glibc's public entry points (addr = user pointer or 0; size = request; aux = old pointer for realloc)
  Malloc = 0,
  Calloc = 1,
  Realloc = 2,
  Free = 3,
  MallocTrim = 4,
  // pymalloc (addr = block; size = request; aux = size class block size)
  PyAlloc = 10,
  PyFree = 11,
  PyRealloc = 12,
  ArenaNew = 13,
  ArenaFree = 14,
  // kernel system calls (mirrors kernel Syscall; size = bytes; aux = new address/break)
  Brk = 20,
  Mmap = 21,
  Munmap = 22,
  Mremap = 23,
  MadviseDontneed = 24,
  MadviseHugepage = 25,
  Mprotect = 26,
  // the interpreter (addr = 0; size = statement index)
  StatementStart = 30,
  GcCollect = 31,
}

export interface EventSink {
  record(kind: EventKind, addr: number, size: number, aux: number): void;
}
