/** x86-64 Linux with 4 KiB pages (getconf PAGESIZE = 4096 on this machine; THP mode "madvise"). */
export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;

/** Round up / down to a whole page. Sizes here stay far below 2^53, so plain arithmetic is exact. */
export const pageUp = (n: number): number => Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;
export const pageDown = (n: number): number => Math.floor(n / PAGE_SIZE) * PAGE_SIZE;

/**
 * Where the simulated process's memory starts. Real addresses are randomized (ASLR 2); these are
 * typical x86-64 values: the [heap] starts just after the executable's bss, and mmap_base sits
 * below the stack's gap. Only offsets from these bases matter to the model.
 */
export const DEFAULT_HEAP_START = 0x5555_5556_0000;
export const DEFAULT_MMAP_BASE = 0x7fff_f7fc_0000;
/** Lowest address mmap may hand out (vm.mmap_min_addr is 65536; the heap sits far above it anyway). */
export const DEFAULT_MMAP_MIN = 0x10000;

/**
 * Overcommit mode 0 (heuristic, this machine): __vm_enough_memory refuses a single request larger
 * than total RAM + swap. These machines have 24 GiB and no swap.
 */
export const DEFAULT_COMMIT_LIMIT = 24 * 1024 ** 3;

/**
 * Physical memory of these machines (/proc/meminfo MemTotal: 24,683,748 kB; no swap). A process
 * whose resident pages pass it cannot go on: the kernel's OOM killer sends it SIGKILL (the shell
 * prints "Killed", exit status 137) long before any allocation fails under overcommit mode 0.
 */
export const MACHINE_RAM = 24_683_748 * 1024;
