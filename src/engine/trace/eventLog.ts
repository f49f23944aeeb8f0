import { EventKind, type EventSink } from './events';

/**
 * Every allocator event of a run as columns (kind, addr, size, aux), plus what the kernel's
 * counters read right after it (rss, brk heap size, glibc-mmapped bytes, pymalloc arena bytes are
 * sampled by whoever owns the log, through `sample`). A million events take ~40 MB, not a million
 * objects.
 *
 * `limit`: the fine stepping mode replays a run up to event N. Events nest (a PyObject_Malloc may
 * realloc pymalloc's arenas[] and mmap an arena), so the log never stops a run itself: the
 * top-level caller (the interpreter, after each allocator call it makes) checks `reachedLimit` and
 * throws EventLimitReached where its state is consistent.
 */
export class EventLog implements EventSink {
  length = 0;
  kind = new Uint8Array(1024);
  addr = new Float64Array(1024);
  size = new Float64Array(1024);
  aux = new Float64Array(1024);
  /** Optional per-event sample (e.g. RSS in pages), filled by `sample` when set. */
  value = new Float64Array(1024);
  sample: (() => number) | null = null;
  limit = Infinity;

  record(kind: EventKind, addr: number, size: number, aux: number): void {
    if (this.length === this.kind.length) this.grow();
    const i = this.length++;
    this.kind[i] = kind;
    this.addr[i] = addr;
    this.size[i] = size;
    this.aux[i] = aux;
    this.value[i] = this.sample ? this.sample() : 0;
  }

  get reachedLimit(): boolean {
    return this.length >= this.limit;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const k = new Uint8Array(n);
    k.set(this.kind);
    this.kind = k;
    for (const f of ['addr', 'size', 'aux', 'value'] as const) {
      const a = new Float64Array(n);
      a.set(this[f]);
      this[f] = a;
    }
  }
}

/** Thrown through the layers when a run reaches EventLog.limit; the state is then exactly "after event N". */
export class EventLimitReached extends Error {
  constructor(readonly count: number) {
    super(`stopped after ${count} events`);
    this.name = 'EventLimitReached';
  }
}
