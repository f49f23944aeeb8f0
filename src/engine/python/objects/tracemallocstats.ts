import { valueError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { isTrue } from '../abstract/object';
import { unpackKeywords } from './getargs';
import { fromSsize, intValue } from './int';
import { listAppend, listNew } from './list';
import { moduleType, type TypeFactory } from './modtypes';
import { strNew } from './str';
import { TpFlags, defineType, Meth, type GetSetDef, type Kwargs, type MethodDef, type TypeSlots } from './types';

/**
 * tracemalloc.py's classes (3.11) as the simulator holds them: Frame (__slots__ _frame),
 * Traceback (__slots__ _frames, _total_nframe), Statistic (__slots__ traceback, size, count),
 * StatisticDiff (5 slots) and Snapshot (traces, traceback_limit), each a GC object of the size a
 * slotted instance of the real class has (16 + 16 + 8 × slots). Their text, order and grouping
 * are the module's: `str(stat)` "file:line: size=… (±…), count=… (±…), average=…" with
 * _format_size's units, statistics sorted by (size, count, traceback) descending, compare_to by
 * (|size_diff|, size, |count_diff|, count, traceback). Not modelled: the transient objects the
 * Python code makes while grouping (its ints, the two grouping dicts), cumulative=True, filters.
 */
export interface FrameRec {
  filename: string;
  lineno: number;
}
export interface StatRec {
  /** Traceback frames, oldest first (Traceback reverses what _tracemalloc gives). */
  frames: FrameRec[];
  size: number;
  count: number;
  sizeDiff: number;
  countDiff: number;
  diff: boolean;
}

/** _format_size(size, sign). */
export function formatSize(size: number, sign: boolean): string {
  for (const unit of ['B', 'KiB', 'MiB', 'GiB', 'TiB']) {
    if (Math.abs(size) < 100 && unit !== 'B') return `${fixed(size, 1, sign)} ${unit}`;
    if (Math.abs(size) < 10 * 1024 || unit === 'TiB') return `${fixed(size, 0, sign)} ${unit}`;
    size /= 1024;
  }
  return '';
}

/** "%.Nf" / "%+.Nf": ties to even as Python's float formatting does (toFixed rounds them up). */
function fixed(x: number, digits: number, sign: boolean): string {
  const scale = 10 ** digits;
  const scaled = x * scale;
  let text = x.toFixed(digits);
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5) {
    const down = Math.trunc(scaled);
    const even = down % 2 === 0 ? down : down + Math.sign(scaled);
    text = (even / scale).toFixed(digits);
  }
  if (text.startsWith('-') && Number(text) === 0 && x > -0.5 / scale) text = text.slice(1);
  return sign && !text.startsWith('-') ? `+${text}` : text;
}

const frameText = (f: FrameRec): string => `${f.filename}:${f.lineno}`;

/** Statistic.__str__ / StatisticDiff.__str__. */
export function statText(s: StatRec): string {
  const where = s.frames.length ? frameText(s.frames[0]) : '';
  let text = s.diff
    ? `${where}: size=${formatSize(s.size, false)} (${formatSize(s.sizeDiff, true)}), count=${s.count} (${s.countDiff >= 0 ? '+' : ''}${s.countDiff})`
    : `${where}: size=${formatSize(s.size, false)}, count=${s.count}`;
  if (s.count) text += `, average=${formatSize(s.size / s.count, false)}`;
  return text;
}

/** Tuples of frames compared as Python compares them (filename, then line). */
export function compareFrames(a: FrameRec[], b: FrameRec[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i].filename !== b[i].filename) return a[i].filename < b[i].filename ? -1 : 1;
    if (a[i].lineno !== b[i].lineno) return a[i].lineno - b[i].lineno;
  }
  return a.length - b.length;
}

const rec = <R>(vm: Vm, h: number): R => vm.table.side[h] as R;

function slotted(name: string, slots: number, extra: Partial<TypeSlots>): TypeFactory {
  return (_vm, id) =>
    defineType({
      id,
      name,
      qualname: name,
      module: 'tracemalloc',
      basicsize: 16 + 8 * slots,
      flags: TpFlags.HaveGc,
      dealloc: (vm, h) => {
        vm.gc.untrack(h);
        vm.gcDel(h);
      },
      traverse: () => {},
      ...extra,
    });
}

const intGet =
  (get: (r: StatRec) => number): GetSetDef['get'] =>
  (vm, h) =>
    fromSsize(vm, get(rec<StatRec>(vm, h)));

function newObject(vm: Vm, factory: TypeFactory, data: unknown): number {
  const t = moduleType(vm, factory);
  const h = vm.newGcObject(t.id, t.basicsize);
  vm.table.side[h] = data;
  vm.gc.track(h);
  return h;
}

export const FrameType: TypeFactory = slotted('Frame', 1, {
  reprText: (vm, h) => {
    const f = rec<FrameRec>(vm, h);
    return `<Frame filename='${f.filename}' lineno=${f.lineno}>`;
  },
  str: (vm, h) => strNew(vm, frameText(rec<FrameRec>(vm, h))),
  getset: {
    filename: { name: 'filename', get: (vm, h) => strNew(vm, rec<FrameRec>(vm, h).filename) },
    lineno: { name: 'lineno', get: (vm, h) => fromSsize(vm, rec<FrameRec>(vm, h).lineno) },
  },
});

export const frameNew = (vm: Vm, f: FrameRec): number => newObject(vm, FrameType, f);

/** Traceback: a sequence of Frame objects, oldest first; str() is its first frame's. */
export const TracebackType: TypeFactory = slotted('Traceback', 2, {
  reprText: (vm, h) =>
    `<Traceback (${rec<FrameRec[]>(vm, h)
      .map((f) => `<Frame filename='${f.filename}' lineno=${f.lineno}>`)
      .join(', ')}${rec<FrameRec[]>(vm, h).length === 1 ? ',' : ''})>`,
  str: (vm, h) => strNew(vm, frameText(rec<FrameRec[]>(vm, h)[0])),
  sequence: {
    length: (vm, h) => rec<FrameRec[]>(vm, h).length,
    item: (vm, h, i) => {
      const frames = rec<FrameRec[]>(vm, h);
      if (i < 0 || i >= frames.length) throw valueError(vm, 'tuple index out of range');
      return frameNew(vm, frames[i]);
    },
  },
  methods: {
    format: {
      name: 'format',
      flags: Meth.Varargs | Meth.Keywords,
      qualname: 'Traceback.format',
      impl: (vm, h, args, kw) => tracebackFormat(vm, h, args, kw),
    },
  },
});

export const tracebackNew = (vm: Vm, frames: FrameRec[]): number => newObject(vm, TracebackType, frames);

/**
 * Traceback.format(limit=None, most_recent_first=False) as tracemalloc.py runs it: the last `limit`
 * frames (the first -limit when negative), oldest first unless asked otherwise; per frame a
 * '  File "F", line N' str and, when linecache finds the line, '    LINE' stripped. The lines come
 * from the script's source (the only file the simulated process has); linecache's kept copy of
 * the file's lines is not made.
 */
function tracebackFormat(vm: Vm, h: number, args: readonly number[], kw: Kwargs | null): number {
  const [limitArg, recentArg] = unpackKeywords(vm, 'format', args, kw, ['limit', 'most_recent_first'], 0, 2);
  let frames = rec<FrameRec[]>(vm, h);
  if (limitArg !== 0 && limitArg !== vm.s.None) {
    const limit = Number(intValue(vm, limitArg));
    frames = limit > 0 ? frames.slice(Math.max(0, frames.length - limit)) : frames.slice(0, frames.length + limit);
  }
  if (recentArg !== 0 && isTrue(vm, recentArg)) frames = [...frames].reverse();
  const host = vm.eval as unknown as { sourceOf?: (filename: string) => string | null };
  const l = listNew(vm, 0);
  for (const f of frames) {
    listAppend(vm, l, strNew(vm, `  File "${f.filename}", line ${f.lineno}`));
    const source = host.sourceOf?.(f.filename) ?? null;
    const line = source === null ? '' : (source.split('\n')[f.lineno - 1] ?? '').trim();
    if (line !== '') listAppend(vm, l, strNew(vm, `    ${line}`));
  }
  return l;
}

const statGetset = (diff: boolean): Record<string, GetSetDef> => {
  const g: Record<string, GetSetDef> = {
    traceback: { name: 'traceback', get: (vm, h) => tracebackNew(vm, rec<StatRec>(vm, h).frames) },
    size: { name: 'size', get: intGet((r) => r.size) },
    count: { name: 'count', get: intGet((r) => r.count) },
  };
  if (diff) {
    g.size_diff = { name: 'size_diff', get: intGet((r) => r.sizeDiff) };
    g.count_diff = { name: 'count_diff', get: intGet((r) => r.countDiff) };
  }
  return g;
};

const statRepr = (vm: Vm, h: number): string => {
  const r = rec<StatRec>(vm, h);
  const tb = `<Traceback (${r.frames.map((f) => `<Frame filename='${f.filename}' lineno=${f.lineno}>`).join(', ')},)>`;
  return r.diff
    ? `<StatisticDiff traceback=${tb} size=${r.size} (${r.sizeDiff >= 0 ? '+' : ''}${r.sizeDiff}) count=${r.count} (${r.countDiff >= 0 ? '+' : ''}${r.countDiff})>`
    : `<Statistic traceback=${tb} size=${r.size}, count=${r.count}>`;
};

export const StatisticType: TypeFactory = slotted('Statistic', 3, {
  reprText: statRepr,
  str: (vm, h) => strNew(vm, statText(rec<StatRec>(vm, h))),
  getset: statGetset(false),
});

export const StatisticDiffType: TypeFactory = slotted('StatisticDiff', 5, {
  reprText: statRepr,
  str: (vm, h) => strNew(vm, statText(rec<StatRec>(vm, h))),
  getset: statGetset(true),
});

/** The list statistics()/compare_to() return: one Statistic(Diff) object per group, in order. */
export function statList(vm: Vm, stats: StatRec[]): number {
  const l = listNew(vm, 0);
  for (const s of stats) listAppend(vm, l, newObject(vm, s.diff ? StatisticDiffType : StatisticType, s));
  return l;
}

export type { MethodDef };
