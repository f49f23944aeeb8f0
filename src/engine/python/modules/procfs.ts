import type { Kernel } from '../../kernel/kernel';
import type { Vm } from '../runtime/vm';
import { interpOf } from './host';

/**
 * The simulated /proc of the process: what memory snippets read to measure themselves
 * (/proc/self/status, /proc/<pid>/status, /proc/self/statm, /proc/self/smaps_rollup), generated
 * from the kernel model at the moment of the read (procfs' seq_file fills its buffer then).
 *
 * The model holds the [heap], the anonymous mappings and the resident pages; the rest of the
 * address space (python3.11's binary, its libraries, the stack, their .bss and file pages) is
 * constant. Those constants were measured on this machine (kernel 6.18, glibc 2.36) in a fresh
 * pyenv 3.11.7 process run as the recorder runs it (ASLR off, its environment), by reading
 * /proc/self/status, statm, smaps_rollup and maps together:
 *   VmSize 16,568 kB with [heap] 1,638,400 B and 5,160,960 B of anonymous mappings → 10,166,272 B
 *   outside both; VmData 7,948 kB → 1,339,392 B of private writable file mappings (.data/.bss of
 *   the binary and libraries); VmExe 4 kB, VmLib 4,672 kB, VmStk 132 kB; RssFile 6,784 kB (of it
 *   Pss_File 1,704, Shared_Clean 6,736, Private_Clean 48); VmPTE 60 kB.
 * The same constants stand for 3.12/3.13 (their binaries differ by a few pages: not measured).
 */
const KB = 1024;
const OUTSIDE_MODEL_VM = 10_166_272;
const FILE_DATA = 1_339_392;
const VM_EXE_KB = 4;
const VM_LIB_KB = 4672;
const VM_STK_KB = 132;
const RSS_FILE = 6784 * KB;
const PSS_FILE_KB = 1704;
const SHARED_CLEAN_KB = 6736;
const PRIVATE_CLEAN_KB = 48;
/**
 * Page-table pages: one 4 KiB page per 2 MiB of address range that has mappings (x86-64 PTE
 * level). The 15 pages at start are the binary's, libraries' and stack's (10) plus the heap's
 * and the start-up anonymous mappings' (4), counted here from the model.
 */
const FIXED_PTE_PAGES = 10;
const PMD = 2 * 1024 * 1024;

/** The pid the simulated process has (a real one is whatever the kernel gave; this one is fixed). */
export const SIM_PID = 48213;

function ensureBaseline(k: Kernel): void {
  if (k.vmBaseline === 0) k.vmBaseline = OUTSIDE_MODEL_VM;
}

/** The figures /proc reports, in bytes, from the kernel model. */
export function memoryFigures(vm: Vm): {
  vmSize: number;
  vmPeak: number;
  rss: number;
  hwm: number;
  rssAnon: number;
  rssFile: number;
  vmData: number;
  vmPte: number;
  threads: number;
} {
  const k = vm.kernel;
  ensureBaseline(k);
  const rss = k.rss;
  // the binary's and libraries' file pages, plus the pages of files the script mapped (mmap.ts)
  const rssFile = Math.min(RSS_FILE, rss) + k.fileResidentBytes;
  const heap = k.heapSize;
  return {
    vmSize: k.vmSize,
    vmPeak: k.peakVmSize,
    rss,
    hwm: k.peakRss,
    rssAnon: rss - rssFile - k.shmemResidentBytes,
    rssFile,
    vmData: FILE_DATA + heap + k.anonMmapBytes + k.baselineAnonMmap,
    vmPte: (FIXED_PTE_PAGES + pteSlots(k)) * 4 * KB,
    threads: threadCount(vm),
  };
}

/** 2 MiB slots the heap and the mappings span (shared slots once). */
function pteSlots(k: Kernel): number {
  const slots = new Set<number>();
  const span = (from: number, to: number): void => {
    for (let s = Math.floor(from / PMD); s * PMD < to; s++) slots.add(s);
  };
  if (k.brk > k.heapStart) span(k.heapStart, k.brk);
  for (const m of k.mappings) span(m.start, m.start + m.length);
  return slots.size;
}

function threadCount(vm: Vm): number {
  try {
    return interpOf(vm).threads.osThreads;
  } catch {
    return 1;
  }
}

const kb = (bytes: number): string => String(Math.ceil(bytes / KB)).padStart(8) + ' kB';

/** /proc/<pid>/status as Linux 6.x prints it (fs/proc/array.c, task_mem), every line. */
function statusText(vm: Vm): string {
  const f = memoryFigures(vm);
  const lines: [string, string][] = [
    ['Name', 'python3.11'],
    ['Umask', '0022'],
    ['State', 'R (running)'],
    ['Tgid', String(SIM_PID)],
    ['Ngid', '0'],
    ['Pid', String(SIM_PID)],
    ['PPid', String(SIM_PID - 4)],
    ['TracerPid', '0'],
    ['Uid', '0\t0\t0\t0'],
    ['Gid', '0\t0\t0\t0'],
    ['FDSize', '256'],
    ['Groups', ' '],
    ['NStgid', String(SIM_PID)],
    ['NSpid', String(SIM_PID)],
    ['NSpgid', String(SIM_PID - 4)],
    ['NSsid', '482'],
    ['Kthread', '0'],
    ['VmPeak', kb(f.vmPeak)],
    ['VmSize', kb(f.vmSize)],
    ['VmLck', kb(0)],
    ['VmPin', kb(0)],
    ['VmHWM', kb(f.hwm)],
    ['VmRSS', kb(f.rss)],
    ['RssAnon', kb(f.rssAnon)],
    ['RssFile', kb(f.rssFile)],
    ['RssShmem', kb(vm.kernel.shmemResidentBytes)],
    ['VmData', kb(f.vmData)],
    ['VmStk', kb(VM_STK_KB * KB)],
    ['VmExe', kb(VM_EXE_KB * KB)],
    ['VmLib', kb(VM_LIB_KB * KB)],
    ['VmPTE', kb(f.vmPte)],
    ['VmSwap', kb(0)],
    ['HugetlbPages', kb(0)],
    ['CoreDumping', '0'],
    ['THP_enabled', '1'],
    ['untag_mask', '0xffffffffffffffff'],
    ['Threads', String(f.threads)],
    ['SigQ', '0/96367'],
    ['SigPnd', '0000000000000000'],
    ['ShdPnd', '0000000000000000'],
    ['SigBlk', '0000000000000000'],
    ['SigIgn', '0000000001001000'],
    ['SigCgt', '0000000000000002'],
    ['CapInh', '0000000000000000'],
    ['CapPrm', '000001fffeffffff'],
    ['CapEff', '000001fffeffffff'],
    ['CapBnd', '000001fffeffffff'],
    ['CapAmb', '0000000000000000'],
    ['NoNewPrivs', '0'],
    ['Seccomp', '0'],
    ['Seccomp_filters', '0'],
    ['Speculation_Store_Bypass', 'vulnerable'],
    ['SpeculationIndirectBranch', 'always enabled'],
    ['Cpus_allowed', '3'],
    ['Cpus_allowed_list', '0-1'],
    ['Mems_allowed', '00000000,'.repeat(31) + '00000001'],
    ['Mems_allowed_list', '0'],
    ['voluntary_ctxt_switches', '2'],
    ['nonvoluntary_ctxt_switches', '11'],
  ];
  return lines.map(([k, v]) => `${k}:\t${v}\n`).join('');
}

/** /proc/<pid>/statm (fs/proc/array.c, proc_pid_statm): size resident shared text lib data dt, in pages. */
function statmText(vm: Vm): string {
  const f = memoryFigures(vm);
  const pages = (b: number): number => Math.ceil(b / 4096);
  const data = pages(f.vmData) + pages(VM_STK_KB * KB);
  return `${pages(f.vmSize)} ${pages(f.rss)} ${pages(f.rssFile)} ${pages(VM_EXE_KB * KB)} 0 ${data} 0\n`;
}

/** /proc/<pid>/smaps_rollup (fs/proc/task_mmu.c, show_smaps_rollup): anonymous pages are private and dirty. */
function smapsRollupText(vm: Vm): string {
  const f = memoryFigures(vm);
  const anonKb = Math.ceil(f.rssAnon / KB);
  const rssKb = Math.ceil(f.rss / KB);
  const row = (name: string, v: number): string => `${(name + ':').padEnd(16)}${String(v).padStart(8)} kB\n`;
  return (
    '555555554000-7ffffffff000 ---p 00000000 00:00 0                          [rollup]\n' +
    row('Rss', rssKb) +
    row('Pss', anonKb + PSS_FILE_KB) +
    row('Pss_Dirty', anonKb) +
    row('Pss_Anon', anonKb) +
    row('Pss_File', PSS_FILE_KB) +
    row('Pss_Shmem', 0) +
    row('Shared_Clean', SHARED_CLEAN_KB) +
    row('Shared_Dirty', 0) +
    row('Private_Clean', PRIVATE_CLEAN_KB) +
    row('Private_Dirty', anonKb) +
    row('Referenced', rssKb) +
    row('Anonymous', anonKb) +
    row('KSM', 0) +
    row('LazyFree', 0) +
    row('AnonHugePages', 0) +
    row('ShmemPmdMapped', 0) +
    row('FilePmdMapped', 0) +
    row('Shared_Hugetlb', 0) +
    row('Private_Hugetlb', 0) +
    row('Swap', 0) +
    row('SwapPss', 0) +
    row('Locked', 0)
  );
}

/** The files of /proc the simulator knows, by the name after /proc/<self|pid>/. */
const PER_PROCESS: Record<string, (vm: Vm) => string> = {
  status: statusText,
  statm: statmText,
  smaps_rollup: smapsRollupText,
};

/**
 * The text of a /proc file at this moment, or null when the path is not one the simulator
 * knows. `/proc/self/X`, `/proc/thread-self/X` and `/proc/<SIM_PID>/X`.
 */
export function procFileText(vm: Vm, path: string): string | null {
  const m = /^\/proc\/(self|thread-self|\d+)\/([a-z_]+)$/.exec(normalizePath(path));
  if (m === null) return null;
  if (m[1] !== 'self' && m[1] !== 'thread-self' && Number(m[1]) !== SIM_PID) return null;
  const gen = PER_PROCESS[m[2]];
  return gen === undefined ? null : gen(vm);
}

/** Does the path name something that exists in the simulated /proc (a file above or a directory)? */
export function procPathKind(path: string): 'file' | 'dir' | null {
  const p = normalizePath(path);
  if (p === '/' || p === '/proc' || p === '/proc/self' || p === `/proc/${SIM_PID}`) return 'dir';
  const m = /^\/proc\/(self|\d+)\/([a-z_]+)$/.exec(p);
  if (m && (m[1] === 'self' || Number(m[1]) === SIM_PID) && m[2] in PER_PROCESS) return 'file';
  return null;
}

/** posixpath.normpath for an absolute path: repeated and trailing slashes, '.' and '..'. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
