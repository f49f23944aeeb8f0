import { readFileSync } from 'node:fs';

/**
 * Every input of the reliability audit (docs/reviews/reliability-audit.md, Appendix B: 189 CLI
 * scripts, Appendix C: 47 malloc traces). The ones the audit printed whole are in
 * audit-inputs.json (with the audit's outcome, for the record); the ones it abbreviated (big,
 * deep or binary files) are rebuilt here from their description. `long`: minutes of work for
 * CPython too (10**7 objects, 10 MB files), run by `npm run fuzz -- --audit`, not by `npm test`.
 */
export interface AuditScript {
  name: string;
  /** The script's text; a `binary` input's bytes as latin-1 code units (any byte, not UTF-8). */
  source: string;
  binary: boolean;
  /** What the audit saw (kept for the report; the test holds the simulator to CPython's outcome). */
  audit: string;
  long: boolean;
}

export interface AuditTrace {
  name: string;
  trace: string;
  audit: string;
  long: boolean;
}

interface Recorded {
  scripts: Record<string, { source: string; audit: string }>;
  traces: Record<string, { trace: string; audit: string }>;
}

const recorded = JSON.parse(
  readFileSync(new URL('./audit-inputs.json', import.meta.url), 'utf8'),
) as Recorded;

/** A seeded byte generator (xorshift32), so the "random" files are the same in every run. */
function randomBytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    b[i] = x & 255;
  }
  return b;
}

const chain = (head: string, op: string, n: number, tail = ''): string =>
  head + Array(n).fill('1').join(op) + tail;
const nestDefs = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += `${'    '.repeat(i)}def f${i}():\n`;
  return s + `${'    '.repeat(n)}return 1\n`;
};
const nestIfs = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += `${'    '.repeat(i)}if 1:\n`;
  return s + `${'    '.repeat(n)}x = 1\n`;
};
const recursion = (n: number): string =>
  `def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nx = f(${n})\n`;

/** The abbreviated scripts, rebuilt (sizes as the audit gives them). */
const BUILT: Record<string, { source: () => string; long?: boolean }> = {
  big_10mb_comment: { source: () => '#' + 'c'.repeat(10_485_766) + '\n', long: true },
  big_10mb_exprs: { source: () => chain('x = ', ' + ', 2_621_440, '\n'), long: true },
  big_10mb_lines: { source: () => 'x = 1\n'.repeat(1_747_626), long: true },
  big_10mb_string: { source: () => `x = "${'a'.repeat(10_485_760)}"\n`, long: true },
  big_1mb_lines_lists: { source: () => 'a = [1, 2, 3]\n'.repeat(74_898), long: true },
  bin_elf_head: { source: () => readFileSync(process.execPath).subarray(0, 65_536).toString('latin1') },
  bin_invalid_utf8: {
    source: () => Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xff, 0xfe, 0x22, 0x0a]).toString('latin1'),
  },
  bin_random_1m: { source: () => randomBytes(1 << 20, 1).toString('latin1') },
  bin_random_4k: { source: () => randomBytes(4096, 2).toString('latin1') },
  deep_attr_10k: { source: () => 'x = a' + '.b'.repeat(10_000) + '\n' },
  deep_binop_100k: { source: () => chain('x = ', ' + ', 100_000, '\n') },
  deep_call_10k: { source: () => 'x = ' + 'f('.repeat(10_000) + ')'.repeat(10_000) + '\n' },
  deep_compare_100k: { source: () => chain('x = ', ' < ', 100_000, '\n') },
  deep_dict_10k: { source: () => 'x = ' + '{1: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n' },
  deep_indent_99: { source: () => nestIfs(99) },
  deep_lambda_1k: { source: () => 'f = ' + 'lambda: '.repeat(1000) + '1\n' },
  deep_list_1000: { source: () => 'x = ' + '['.repeat(1000) + ']'.repeat(1000) + '\n' },
  deep_list_10k: { source: () => 'x = ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n' },
  deep_nested_def_50: { source: () => nestDefs(50) },
  deep_not_10k: { source: () => 'x = ' + 'not '.repeat(10_000) + '1\n' },
  deep_paren_10k: { source: () => 'x = ' + '('.repeat(10_000) + '1' + ')'.repeat(10_000) + '\n' },
  deep_paren_200: { source: () => 'x = ' + '('.repeat(200) + '1' + ')'.repeat(200) + '\n' },
  deep_power_10k: { source: () => chain('x = ', ' ** ', 10_000, '\n') },
  deep_sub_10k: { source: () => 'x = a' + '[0]'.repeat(10_000) + '\n' },
  deep_ternary_10k: { source: () => 'x = ' + '1 if 1 else '.repeat(10_000) + '1\n' },
  deep_unary_100k: { source: () => 'x = ' + '-'.repeat(100_000) + '1\n' },
  edge_long_line: { source: () => `a = [${Array.from({ length: 100_000 }, (_, i) => i).join(', ')}]\n` },
  err_nested_calls: {
    source: () => 'def a():\n    return b()\ndef b():\n    return c()\ndef c():\n    return 1 // 0\na()\n',
  },
  rec_deep_1100: { source: () => recursion(1100) },
  rec_deep_ok_900: { source: () => recursion(900) },
  syn_deep_indent_101: { source: () => nestIfs(101) },
};

/** Inputs whose run is minutes of CPU for any interpreter: kept out of `npm test`. */
const LONG = new Set([
  'bigint_10e10',
  'bigint_10e8',
  'bomb_range_list_1e10',
  'loop_append_forever',
  'loop_comprehension_huge',
  'loop_counter',
  'loop_for_huge_range',
  'loop_nested_fn',
  'loop_string_growth',
  'loop_while_alloc',
  'loop_while_true',
  'rec_alloc',
  'sim_append_loop',
  'sim_dict_1e7',
  'sim_dict_1e9',
  'sim_nested_1e7',
  'sim_nested_1e8',
  'sim_range_list_1e8',
  'sim_set_1e8',
  'sim_strs_1e7',
  'sim_tuples_1e8',
  'sim_big_lists_1e6',
]);

export function auditScripts(): AuditScript[] {
  const out: AuditScript[] = [];
  for (const [name, r] of Object.entries(recorded.scripts))
    out.push({ name, source: r.source, audit: r.audit, long: LONG.has(name), binary: false });
  for (const [name, b] of Object.entries(BUILT))
    out.push({
      name,
      source: b.source(),
      audit: '(abbreviated in the audit)',
      long: b.long ?? false,
      binary: name.startsWith('bin_'),
    });
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The abbreviated traces, rebuilt. */
function builtTraces(): AuditTrace[] {
  const ops1e = (n: number): string => {
    let s = '';
    for (let i = 0; i < n / 8; i++) s += `m 1 500\nf 1\nm 1 24\nf 1\nt 0\nt 0\nt 0\nt 0\n`;
    return s;
  };
  let doubleFast = '';
  for (let i = 1; i <= 8; i++) doubleFast += `m ${i} 24\n`;
  for (let i = 1; i <= 7; i++) doubleFast += `f ${i}\n`;
  doubleFast += 'f 8\nf 8\n';
  let grow = '';
  for (let i = 1; grow.length < 288_000; i++) grow += `m ${i} 100000\n`;
  return [
    {
      name: 'bin_random',
      trace: randomBytes(100_000, 3).toString('latin1'),
      audit: 'unknown op, raw bytes',
      long: false,
    },
    {
      name: 'double_free_fast',
      trace: doubleFast,
      audit: 'double free or corruption (fasttop)',
      long: false,
    },
    {
      name: 'giant_size_16GB_x4',
      trace: 'm 1 17179869184\nm 2 17179869184\nm 3 17179869184\nm 4 17179869184\n',
      audit: 'exit 0',
      long: false,
    },
    { name: 'many_heap_grow', trace: grow, audit: 'exit 0', long: false },
    { name: 'big_1e6', trace: ops1e(1_000_000), audit: 'exit 0', long: true },
    { name: 'big_1e7', trace: ops1e(10_000_000), audit: 'exit 0', long: true },
    {
      name: 'esc',
      trace: '\x1b]0;pwned-title\x07\x1b[2J\x1b[31mRED x 1\n',
      audit: 'echoed raw (defect 18)',
      long: false,
    },
    {
      name: 'long_token',
      trace: 'q'.repeat(100_000) + ' 1 2\n',
      audit: 'a 100 KB message (defect 18)',
      long: false,
    },
  ];
}

export function auditTraces(): AuditTrace[] {
  const out: AuditTrace[] = Object.entries(recorded.traces).map(([name, r]) => ({
    name,
    trace: r.trace,
    audit: r.audit,
    long: false,
  }));
  return [...out, ...builtTraces()];
}

/** The bytes of a script's file. */
export const scriptBytes = (s: AuditScript): Buffer => Buffer.from(s.source, s.binary ? 'latin1' : 'utf8');
