import { Kernel } from '../../kernel/kernel';
import { createLibc, defaultLibcEnv } from '../../libc/create';
import type { GlibcSection } from '../../libc/section';
import { parseTrace, replayCapture, TraceOp, type ParsedTrace } from '../../libc/trace';
import type { CallLog } from '../compiler/cheap/heap';

/**
 * Comparing a generated compile tail with a recorded one (tools/capture_compile_tail.py): call
 * by call after renaming blocks by creation order, and by the heap each leaves after the same
 * start-up prefix (every chunk's offset, size and state).
 */

/** The recorded trace lines (comments dropped). */
export function traceLines(text: string): string[] {
  return text.split('\n').filter((l) => l && !l.startsWith('#'));
}

/** Where the compile begins in a start-up trace: its last `m _ 4096` followed by `m _ 32`. */
export function tailStart(lines: string[]): number {
  for (let i = lines.length - 2; i >= 0; i--) {
    const a = lines[i].split(' ');
    const b = lines[i + 1].split(' ');
    if (a[0] === 'm' && a[2] === '4096' && b[0] === 'm' && b[2] === '32') return i;
  }
  return -1;
}

/** A call log as trace lines. */
export function logLines(log: CallLog): string[] {
  const out: string[] = [];
  for (let i = 0; i < log.op.length; i++) {
    const op = log.op[i];
    const id = log.id[i];
    if (op === 0) out.push(`m ${id} ${log.a[i]}`);
    else if (op === 1) out.push(`c ${id} ${log.a[i]} ${log.b[i]}`);
    else if (op === 2) out.push(`r ${id} ${log.a[i]}`);
    else out.push(`f ${id}`);
  }
  return out;
}

/** Blocks renamed by the order they were made (tools/capture_startup.py canonical()). */
export function canonical(lines: string[]): string[] {
  const live = new Map<string, number>();
  let n = 0;
  return lines.map((line) => {
    const [op, id, ...rest] = line.split(' ');
    if (op === 'm' || op === 'c' || (op === 'r' && !live.has(id))) live.set(id, ++n);
    const name = live.get(id) ?? '?';
    if (op === 'f') live.delete(id);
    return [op, String(name), ...rest].join(' ');
  });
}

/** A call log as a parsed trace for replayCapture. */
export function logTrace(log: CallLog): ParsedTrace {
  const n = log.op.length;
  const op = Uint8Array.from(
    log.op,
    (o) => [TraceOp.Malloc, TraceOp.Calloc, TraceOp.Realloc, TraceOp.Free][o],
  );
  return {
    length: n,
    op,
    id: Int32Array.from(log.id),
    a: Float64Array.from(log.a),
    b: Float64Array.from(log.b),
    line: new Int32Array(n),
    text: (i) => `op ${i}`,
  };
}

/** The main heap after replaying `prefix` then `tail`: each chunk as "offset:size:state". */
export function heapAfter(
  prefix: ParsedTrace,
  tail: ParsedTrace,
): { chunks: string[]; top: number; heap: number } {
  const kernel = new Kernel();
  const libc = createLibc(kernel, defaultLibcEnv());
  const live = new Map<number, number>();
  replayCapture(prefix, libc, live);
  replayCapture(tail, libc, live);
  const s = libc.snapshot() as GlibcSection;
  const h = s.heap;
  const chunks: string[] = [];
  for (let i = 0; i < h.count; i++) chunks.push(`${h.gran[i]}:${h.sizeG[i]}:${h.state[i]}`);
  return { chunks, top: s.mallinfo.keepcost, heap: s.mallinfo.arena };
}

export function parsedLines(lines: string[]): ParsedTrace {
  return parseTrace(lines.join('\n'));
}
