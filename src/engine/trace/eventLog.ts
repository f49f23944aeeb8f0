import { EventKind, type EventSink } from './events';
import { AddrColumn } from './addrColumn';
import { WideColumn } from './wideColumn';

/** ES2024's resizable ArrayBuffer (typed here: the engine compiles against ES2023). */
interface ResizableArrayBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
  readonly maxByteLength: number;
}
type ResizableCtor = new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;
const RESIZABLE = typeof (ArrayBuffer.prototype as Partial<ResizableArrayBuffer>).resize === 'function';

const INITIAL_CAPACITY = 1 << 16;
/** Entries the first reservation covers; a log that outgrows it reserves 8 times its size (one copy). */
const FIRST_RESERVATION = 1 << 24;
/** V8 refuses resizable buffers over 4 GiB: past 2^29 eight-byte entries the columns are copied to grow. */
const MAX_RESERVATION = 1 << 29;

/**
 * Every allocator event of a run as columns (kind, addr, size, aux), plus what the kernel's
 * counters read right after it (rss, brk heap size, glibc-mmapped bytes, pymalloc arena bytes are
 * sampled by whoever owns the log, through `sample`). A million events take ~13 MB, not a million
 * objects: `size` and `aux` are 4 bytes an event where the value fits 31 bits (wideColumn.ts),
 * `addr` 4 bytes where it is 16-aligned in one of the run's first 16 2-GiB windows (addrColumn.ts);
 * read them with `addr.get(i)`, `size.get(i)`, `aux.get(i)`.
 *
 * The columns grow in place where the platform has resizable ArrayBuffers: address space is
 * reserved up front and pages are committed as the log fills, so growing copies nothing. (Grown by
 * copying, the seed's 8 million events cost 140 ms of page faults and copies on top of the
 * recording itself: every doubling writes fresh memory twice the size of what it keeps.)
 *
 * `limit`: the fine stepping mode replays a run up to event N. Events nest (a PyObject_Malloc may
 * realloc pymalloc's arenas[] and mmap an arena), so the log never stops a run itself: the
 * top-level caller (the interpreter, after each allocator call it makes) checks `reachedLimit` and
 * throws EventLimitReached where its state is consistent.
 */
export class EventLog implements EventSink {
  length = 0;
  kind: Uint8Array;
  addr: AddrColumn;
  size: WideColumn;
  aux: WideColumn;
  /**
   * Per-event samples (e.g. RSS in pages) while `sample` is set, 0 for events recorded without
   * it; an empty array until a sampler is first set (no log needed one so far: 8 bytes an event).
   */
  value: Float64Array = new Float64Array(0);
  limit = Infinity;
  private sampler: (() => number) | null = null;
  /** Entries the columns hold now. */
  private capacity = INITIAL_CAPACITY;
  /** Entries the columns' buffers can be resized to in place (0: plain buffers, grown by copying). */
  private reserved = 0;

  /** `capacity` 0: a log that only counts (a subclass's `record` keeps nothing: replays). */
  constructor(capacity = INITIAL_CAPACITY) {
    this.reserved = RESIZABLE && capacity > 0 ? FIRST_RESERVATION : 0;
    this.capacity = capacity;
    this.kind = new Uint8Array(this.buffer(capacity, 1));
    this.addr = new AddrColumn(new Uint32Array(this.buffer(capacity, 4)));
    this.size = new WideColumn(new Uint32Array(this.buffer(capacity, 4)));
    this.aux = new WideColumn(new Uint32Array(this.buffer(capacity, 4)));
  }

  /** Called after every event to fill `value`; null: no samples. */
  get sample(): (() => number) | null {
    return this.sampler;
  }
  set sample(fn: (() => number) | null) {
    this.sampler = fn;
    if (fn !== null && this.value.length < this.capacity) {
      const v = new Float64Array(this.buffer(this.capacity, 8));
      v.set(this.value);
      this.value = v;
    }
  }

  record(kind: EventKind, addr: number, size: number, aux: number): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.kind[i] = kind;
    this.addr.set(i, addr);
    this.size.set(i, size);
    this.aux.set(i, aux);
    if (this.sampler !== null) this.value[i] = this.sampler();
  }

  get reachedLimit(): boolean {
    return this.length >= this.limit;
  }

  /**
   * A buffer for `entries` entries of `bytes` bytes: resizable up to the reservation when there is
   * one (the typed arrays made on it then track its length), else a plain one.
   */
  private buffer(entries: number, bytes: number): ArrayBuffer {
    if (this.reserved === 0) return new ArrayBuffer(entries * bytes);
    return new (ArrayBuffer as unknown as ResizableCtor)(entries * bytes, {
      maxByteLength: this.reserved * bytes,
    });
  }

  private grow(): void {
    const n = this.capacity * 2;
    if (n <= this.reserved) {
      for (const col of this.columns())
        (col.buffer as ResizableArrayBuffer).resize(n * col.BYTES_PER_ELEMENT);
      this.capacity = n;
      return;
    }
    // Out of reserved room: a new reservation (8 times bigger, within V8's limit) or plain buffers.
    this.reserved =
      RESIZABLE && n * 8 <= MAX_RESERVATION ? n * 8 : RESIZABLE && n <= MAX_RESERVATION ? MAX_RESERVATION : 0;
    this.capacity = n;
    const copy = <T extends Uint8Array | Uint32Array | Float64Array>(
      a: T,
      make: (b: ArrayBuffer) => T,
    ): T => {
      const b = make(this.buffer(n, a.BYTES_PER_ELEMENT));
      b.set(a);
      return b;
    };
    this.kind = copy(this.kind, (b) => new Uint8Array(b));
    this.addr.packed = copy(this.addr.packed, (b) => new Uint32Array(b));
    this.size.packed = copy(this.size.packed, (b) => new Uint32Array(b));
    this.aux.packed = copy(this.aux.packed, (b) => new Uint32Array(b));
    if (this.value.length > 0) this.value = copy(this.value, (b) => new Float64Array(b));
  }

  private columns(): (Uint8Array | Uint32Array | Float64Array)[] {
    const cols = [this.kind, this.addr.packed, this.size.packed, this.aux.packed];
    return this.value.length > 0 ? [...cols, this.value] : cols;
  }
}

/** Thrown through the layers when a run reaches EventLog.limit; the state is then exactly "after event N". */
export class EventLimitReached extends Error {
  constructor(readonly count: number) {
    super(`stopped after ${count} events`);
    this.name = 'EventLimitReached';
  }
}
