import { EventKind, type EventSink } from '../trace/events';

/**
 * `--malloc-log`: every glibc call the simulated process makes after boot, in the trace format
 * tools/native/replay.c and glibc/trace.ts read (m ID SIZE, c ID NMEMB SIZE, r ID SIZE, f ID,
 * t PAD). Pointers get small ids, reused after free (lowest free id first), as the capture does.
 */
export class MallocLog implements EventSink {
  readonly lines: string[] = [];
  private readonly ids = new Map<number, number>();
  /** Min-heap of free ids: the smallest is reused first (tools/shimlog.py does the same). */
  private readonly freeIds: number[] = [];
  private nextId = 0;

  record(kind: EventKind, addr: number, size: number, aux: number): void {
    switch (kind) {
      case EventKind.Malloc:
        if (addr) this.lines.push(`m ${this.idFor(addr)} ${size}`);
        break;
      case EventKind.Calloc:
        if (addr) this.lines.push(`c ${this.idFor(addr)} 1 ${size}`);
        break;
      case EventKind.Realloc: {
        if (aux === 0) {
          if (addr) this.lines.push(`m ${this.idFor(addr)} ${size}`);
          break;
        }
        const id = this.ids.get(aux);
        if (id === undefined) break; // a chunk from before the log started
        if (addr === 0 && size === 0) {
          this.release(aux);
          this.lines.push(`f ${id}`);
          break;
        }
        this.lines.push(`r ${id} ${size}`);
        if (addr) {
          this.ids.delete(aux);
          this.ids.set(addr, id);
        }
        break;
      }
      case EventKind.Free: {
        const id = this.ids.get(addr);
        if (id === undefined) break;
        this.release(addr);
        this.lines.push(`f ${id}`);
        break;
      }
      case EventKind.MallocTrim:
        this.lines.push(`t ${size}`);
        break;
      default:
        break;
    }
  }

  text(): string {
    return this.lines.join('\n') + (this.lines.length ? '\n' : '');
  }

  private idFor(addr: number): number {
    const id = this.freeIds.length ? heapPop(this.freeIds) : this.nextId++;
    this.ids.set(addr, id);
    return id;
  }

  private release(addr: number): void {
    const id = this.ids.get(addr)!;
    this.ids.delete(addr);
    heapPush(this.freeIds, id);
  }
}

function heapPush(h: number[], v: number): void {
  h.push(v);
  for (let i = h.length - 1; i > 0; ) {
    const p = (i - 1) >> 1;
    if (h[p] <= h[i]) break;
    [h[p], h[i]] = [h[i], h[p]];
    i = p;
  }
}

function heapPop(h: number[]): number {
  const top = h[0];
  const last = h.pop()!;
  if (h.length) {
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l] < h[m]) m = l;
      if (r < h.length && h[r] < h[m]) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
  return top;
}

/** Several sinks as one (the event log and the malloc log both listen to glibc). */
export class TeeSink implements EventSink {
  constructor(private readonly sinks: EventSink[]) {}
  record(kind: EventKind, addr: number, size: number, aux: number): void {
    for (const s of this.sinks) s.record(kind, addr, size, aux);
  }
}
