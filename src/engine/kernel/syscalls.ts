/** The system calls the simulated process makes, each recorded as an event. */
export enum Syscall {
  Brk = 0,
  Mmap = 1,
  Munmap = 2,
  Mremap = 3,
  MadviseDontneed = 4,
  MadviseHugepage = 5,
  Mprotect = 6,
}

export const SYSCALL_NAMES = [
  'brk',
  'mmap',
  'munmap',
  'mremap',
  'madvise(MADV_DONTNEED)',
  'madvise(MADV_HUGEPAGE)',
] as const;

/** One recorded system call, as read back from the log. */
export interface SyscallEvent {
  kind: Syscall;
  /** brk: the old break; mmap: the new mapping; munmap/madvise/mprotect: the range start; mremap: the old address. */
  addr: number;
  /** Bytes: brk: signed change; mmap/munmap/madvise: length; mremap: the new length. */
  bytes: number;
  /** mremap: the new address; brk: the new break; mmap and mprotect: 1 for PROT_NONE; otherwise 0. */
  aux: number;
  /** Change in resident pages this call caused (negative when pages were dropped). */
  residentDelta: number;
}

/** Receives every system call as it happens (the trace layer listens here). */
export type SyscallListener = (
  kind: Syscall,
  addr: number,
  bytes: number,
  aux: number,
  residentDelta: number,
) => void;

/**
 * A columnar log of system calls: typed arrays, not one object per event, so a run with
 * thousands of brk steps stays small and can be transferred to the page as buffers.
 */
export class SyscallLog {
  length = 0;
  kind = new Uint8Array(64);
  addr = new Float64Array(64);
  bytes = new Float64Array(64);
  aux = new Float64Array(64);
  residentDelta = new Int32Array(64);

  push(kind: Syscall, addr: number, bytes: number, aux: number, residentDelta: number): void {
    if (this.length === this.kind.length) this.grow();
    const i = this.length++;
    this.kind[i] = kind;
    this.addr[i] = addr;
    this.bytes[i] = bytes;
    this.aux[i] = aux;
    this.residentDelta[i] = residentDelta;
  }

  at(i: number): SyscallEvent {
    return {
      kind: this.kind[i] as Syscall,
      addr: this.addr[i],
      bytes: this.bytes[i],
      aux: this.aux[i],
      residentDelta: this.residentDelta[i],
    };
  }

  count(kind: Syscall): number {
    let n = 0;
    for (let i = 0; i < this.length; i++) if (this.kind[i] === kind) n++;
    return n;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const k = new Uint8Array(n);
    k.set(this.kind);
    this.kind = k;
    const a = new Float64Array(n);
    a.set(this.addr);
    this.addr = a;
    const b = new Float64Array(n);
    b.set(this.bytes);
    this.bytes = b;
    const x = new Float64Array(n);
    x.set(this.aux);
    this.aux = x;
    const r = new Int32Array(n);
    r.set(this.residentDelta);
    this.residentDelta = r;
  }
}
