import { GlibcMalloc } from '../engine/glibc/malloc';
import { Pymalloc } from '../engine/pymalloc';
import type { ArenaSource } from '../engine/trace/snapshot';
import { Kernel, Syscall } from '../engine/kernel';
import { EventKind } from '../engine/trace/events';
import { EventLimitReached, type EventLog } from '../engine/trace/eventLog';
import type { ObjectInfo, PoolDetail, RunOptions, StatementInfo } from '../protocol/messages';
import type { SimProcess } from './process';

const SYSCALL_EVENT = [
  EventKind.Brk,
  EventKind.Mmap,
  EventKind.Munmap,
  EventKind.Mremap,
  EventKind.MadviseDontneed,
  EventKind.MadviseHugepage,
];

class PySyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/**
 * A stand-in for PythonProcess that knows only a few statement shapes (`a = [[0] * N for _ in
 * range(M)]`, `a = [float(i) for i in range(M)]`, `b = a[::K]`, `del a`, `malloc_trim(0)`) and
 * performs their allocations: a 56-byte pymalloc block per list header (GC head included) or
 * 24 bytes per float, malloc(8·N) per inner buffer, the outer buffer grown by realloc as
 * list_resize does, and frees from the last item to the first. Everything else is a no-op.
 */
export class GlibcScriptProcess implements SimProcess {
  readonly kernel = new Kernel({ baselineRss: 9 * 1024 * 1024 });
  readonly glibc: GlibcMalloc;
  readonly pymalloc: Pymalloc;
  readonly arenas: ArenaSource;
  private statements: StatementInfo[] = [];
  /** name → the list: its header block, its item buffer, and each item's blocks (header, buffer). */
  private lists = new Map<string, { head: number; outer: number; items: number[][] }>();

  constructor(
    options: RunOptions,
    private readonly log: EventLog,
  ) {
    this.glibc = new GlibcMalloc(this.kernel, options.tunables);
    this.glibc.sink = log;
    this.pymalloc = new Pymalloc(this.kernel, this.glibc, log);
    this.arenas = this.pymalloc;
    this.kernel.listener = (kind: Syscall, addr, bytes, aux) =>
      log.record(SYSCALL_EVENT[kind], addr, bytes, aux);
  }

  load(source: string): StatementInfo[] {
    const lines = source.split('\n');
    const out: StatementInfo[] = [];
    lines.forEach((text, i) => {
      const t = text.trimEnd();
      if (t.trim() === '' || t.trim().startsWith('#')) return;
      if (/^\s/.test(t) && out.length > 0) out[out.length - 1].endLine = i + 1;
      else out.push({ code: t, line: i + 1, endLine: i + 1 });
      const open = (t.match(/[([{]/g) ?? []).length - (t.match(/[)\]}]/g) ?? []).length;
      if (open < 0) throw new PySyntaxError("unmatched ')'", i + 1, t.search(/[)\]}]/) + 1);
    });
    this.statements = out;
    return out;
  }

  runStatement(i: number): void {
    const code = this.statements[i].code;
    this.log.record(EventKind.StatementStart, 0, i, 0);
    const build = /^(\w+)\s*=\s*\[\s*\[0\]\s*\*\s*(\d+)\s+for\s+\w+\s+in\s+range\((\d+)\)\s*\]/.exec(code);
    const floats = /^(\w+)\s*=\s*\[\s*float\(\w+\)\s+for\s+\w+\s+in\s+range\((\d+)\)\s*\]/.exec(code);
    const slice = /^(\w+)\s*=\s*(\w+)\[::(\d+)\]/.exec(code);
    const del = /^del\s+(.+)$/.exec(code);
    if (build) this.build(build[1], Number(build[3]), () => this.list(Number(build[2])));
    else if (floats)
      this.build(floats[1], Number(floats[2]), () => [this.call(() => this.pymalloc.malloc(24))]);
    else if (slice) this.slice(slice[1], slice[2], Number(slice[3]));
    else if (del) for (const name of del[1].split(',')) this.del(name.trim());
    else if (/malloc_trim\(\s*(\d+)\s*\)/.test(code)) this.call(() => this.glibc.mallocTrim(0));
  }

  report(source: string): string {
    return JSON.stringify({
      source,
      note: 'glibc-only stand-in report',
      mallinfo2: this.glibc.mallinfo2(),
      rss: this.kernel.rss,
    });
  }

  private call<T>(f: () => T): T {
    const r = f();
    if (this.log.reachedLimit) throw new EventLimitReached(this.log.length);
    return r;
  }

  /** A list of n zeros: its header (pymalloc) and its item buffer (malloc when over 512 bytes). */
  private list(n: number): number[] {
    const head = this.call(() => this.pymalloc.malloc(56));
    const buf = this.call(() => this.pymalloc.malloc(8 * n));
    this.kernel.touch(buf, 8 * n);
    return [head, buf];
  }

  private build(name: string, m: number, item: () => number[]): void {
    this.del(name);
    const head = this.call(() => this.pymalloc.malloc(56));
    const items: number[][] = [];
    let outer = 0;
    let allocated = 0;
    for (let k = 0; k < m; k++) {
      if (k + 1 > allocated) {
        // list_resize's growth pattern: newsize + newsize/8 + 6, rounded down to a multiple of 4.
        allocated = (k + 1 + ((k + 1) >> 3) + 6) & ~3;
        outer = this.call(() => this.pymalloc.realloc(outer, allocated * 8));
      }
      items.push(item());
      this.kernel.touch(outer + 8 * k, 8);
    }
    this.lists.set(name, { head, outer, items });
  }

  /** b = a[::k]: a new list sharing every k-th item (the items survive a later del a). */
  private slice(name: string, from: string, step: number): void {
    const src = this.lists.get(from);
    if (!src) return;
    const kept = src.items.filter((_, i) => i % step === 0);
    src.items = src.items.filter((_, i) => i % step !== 0);
    const head = this.call(() => this.pymalloc.malloc(56));
    const outer = this.call(() => this.pymalloc.malloc(Math.max(8, kept.length * 8)));
    this.lists.set(name, { head, outer, items: kept });
  }

  private del(name: string): void {
    const l = this.lists.get(name);
    if (!l) return;
    this.lists.delete(name);
    // list_dealloc: items from the last to the first, then the buffer, then the header.
    while (l.items.length > 0)
      for (const p of l.items.pop()!.reverse()) this.call(() => this.pymalloc.free(p));
    this.call(() => this.pymalloc.free(l.outer));
    this.call(() => this.pymalloc.free(l.head));
  }

  poolDetail(address: number): PoolDetail | null {
    const info = this.pymalloc.poolInfo(address);
    const blocks = this.pymalloc.blockStates(address);
    if (!info || !blocks) return null;
    const objects = this.objectsIn(info.address, info.address + 16384).map((o) => ({
      block: Math.floor((o.address - info.address - 48) / info.blockSize),
      label: o.label,
    }));
    return { ...info, states: blocks.states, freeOrder: blocks.freeOrder, objects };
  }

  objectsIn(from: number, to: number): ObjectInfo[] {
    const out: ObjectInfo[] = [];
    const inside = (p: number): boolean => p >= from && p < to;
    for (const [name, l] of this.lists) {
      if (inside(l.head))
        out.push({
          address: l.head,
          label: `list ${name} (${l.items.length.toLocaleString('en-US')} items)`,
        });
      if (inside(l.outer)) out.push({ address: l.outer, label: `item buffer of list ${name}` });
      for (let i = 0; i < l.items.length && out.length < 64; i++) {
        const [head, buf] = l.items[i];
        if (inside(head))
          out.push({
            address: head,
            label: buf === undefined ? `float ${name}[${i}]` : `list ${name}[${i}]`,
          });
        if (buf !== undefined && inside(buf))
          out.push({ address: buf, label: `item buffer of ${name}[${i}]` });
      }
    }
    return out.slice(0, 64);
  }
}
