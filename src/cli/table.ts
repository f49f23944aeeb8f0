import { describeReportError, type ReportError } from '../engine/python/report';

/** The readable form of a report: one row a step, the figures a user asks about first. */
export interface ReportStepLike {
  code: string;
  line: number;
  rss: number;
  heap: number;
  anon_mmap: number;
  mallinfo2: { fordblks: number; uordblks: number; hblks: number; hblkhd: number; keepcost: number };
  pymalloc: { arenas_allocated_current: number };
  /** The preloaded allocator's figures (report.ts), when one replaces glibc's malloc. */
  libc?: { in_use: number; free: number; mapped: number };
}

const MB = 1024 * 1024;
const mb = (n: number): string => (n / MB).toFixed(2);

/**
 * The table, then what the script printed (after the table; with `interleave`, under the row of
 * the step that printed it), then the error that ended the run, as CPython prints it.
 */
export function formatTable(
  steps: ReportStepLike[],
  error?: ReportError,
  stdout: { output?: string; stepOutput?: string[]; interleave?: boolean; stderr?: string } = {},
): string {
  // Under jemalloc or mimalloc glibc's mallinfo2 reads an untouched arena (zeros): the columns are
  // the allocator's own figures instead.
  const preloaded = steps.length > 0 && steps.every((s) => s.libc !== undefined);
  const head = [
    'step',
    'line',
    'rss MiB',
    ...(preloaded ? ['in use MiB', 'free MiB', 'mapped MiB'] : ['heap MiB', 'free MiB', 'top MiB', 'mmap MiB']),
    'anon MiB',
    'arenas',
    'statement',
  ];
  const rows = steps.map((s, i) => [
    String(i),
    s.line ? String(s.line) : '',
    mb(s.rss),
    ...(preloaded
      ? [mb(s.libc!.in_use), mb(s.libc!.free), mb(s.libc!.mapped)]
      : [
          mb(s.heap),
          mb(s.mallinfo2.fordblks),
          mb(s.mallinfo2.keepcost),
          `${mb(s.mallinfo2.hblkhd)} (${s.mallinfo2.hblks})`,
        ]),
    mb(s.anon_mmap),
    String(s.pymalloc.arenas_allocated_current),
    oneLine(s.code),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const fmtRow = (r: string[]): string =>
    r
      .map((cell, c) =>
        c === r.length - 1 ? cell : c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]),
      )
      .join('  ');
  const out = [fmtRow(head)];
  rows.forEach((r, i) => {
    out.push(fmtRow(r));
    const printed = stdout.interleave ? stdout.stepOutput?.[i] : undefined;
    if (printed) out.push(...indent(printed));
  });
  out.push(
    '',
    preloaded
      ? 'in use = bytes the allocator has handed out; free = bytes free inside it, still mapped; mapped = what it holds from the kernel'
      : 'free = mallinfo2.fordblks (free bytes inside the brk heap); top = keepcost; mmap = glibc-mmapped chunks',
  );
  if (stdout.output && !stdout.interleave) out.push('', 'printed:', ...indent(stdout.output));
  if (stdout.stderr) out.push('', 'stderr:', ...indent(stdout.stderr));
  if (error) out.push('', describeReportError(error));
  return out.join('\n') + '\n';
}

/** Printed text under the table, each line behind a bar so it cannot be taken for a row. */
function indent(text: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `  | ${l}`);
}

function oneLine(code: string): string {
  const first = code.split('\n')[0];
  const s = code.includes('\n') ? first + ' …' : first;
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}
