/*
 * alloc_stats.c: lets the recorder read jemalloc's or mimalloc's own counters
 * at the very point where it reads glibc's mallinfo2(), without changing the
 * measured child (tools/hw_child.py) and without allocating.
 *
 * Build:  gcc -O2 -shared -fPIC -o alloc_stats.so tools/native/alloc_stats.c -ldl
 * Use:    LD_PRELOAD="libjemalloc.so.2 /abs/alloc_stats.so" python3 ...
 *         (tools/hw_common.py does this; this library must come LAST in
 *         LD_PRELOAD, see the constructor)
 *
 * How: the child looks mallinfo2 up with ctypes, i.e. dlsym(libc handle,
 * "mallinfo2"), and calls it as `void f(void *)` with a prebuilt pointer to
 * ten size_t (the hidden return pointer of the 80-byte struct). We interpose
 * dlsym for that one name and answer with hw_mallinfo2 below, which fills the
 * same ten words with the preloaded allocator's figures instead. Under glibc
 * alone this library is not loaded at all.
 *
 * The ten words (tools/record.py names them from the allocator it was told):
 *   jemalloc 5.3 (mallctl, after writing "epoch" so the totals are fresh):
 *     stats.allocated, .active, .metadata, .resident, .mapped, .retained,
 *     dirty bytes  = stats.arenas.<ALL>.pdirty  * page,
 *     muzzy bytes  = stats.arenas.<ALL>.pmuzzy  * page,
 *     arenas.narenas, stats.background_thread.num_threads
 *   mimalloc 2.0 (mi_process_info):
 *     current_commit, peak_commit, peak_rss, page_faults, elapsed_msecs,
 *     user_msecs, system_msecs, 0, 0, 0
 *     and mi_stats_print_out's text (reserved/committed/reset/segments/pages,
 *     printed with 0.1-unit precision) is written to fd 2 between
 *     "@@HW-MISTATS@@" and "@@HW-MISTATS-END@@" lines.
 *   A counter the allocator refuses to give is UINT64_MAX (parsed as null).
 *
 * No malloc: mallctl on existing names reads jemalloc's ctl tree (its first
 * call initialises the ctl tree from jemalloc's own metadata; the child's
 * warm-up call makes that happen before the scenario starts); mimalloc's
 * stats printer formats into stack buffers. Output uses write(2) only.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef int (*mallctl_fn)(const char *, void *, size_t *, void *, size_t);
typedef void (*mi_process_info_fn)(size_t *, size_t *, size_t *, size_t *, size_t *, size_t *, size_t *, size_t *);
typedef void (*mi_output_fn)(const char *, void *);
typedef void (*mi_stats_print_out_fn)(mi_output_fn, void *);

static void *(*real_dlsym)(void *, const char *);
static mallctl_fn je_mallctl;
static mi_process_info_fn mi_info;
static mi_stats_print_out_fn mi_print;
static int looked_up;

static void lookup(void) {
  if (looked_up) return;
  looked_up = 1;
  if (!real_dlsym) real_dlsym = (void *(*)(void *, const char *))dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.34");
  je_mallctl = (mallctl_fn)real_dlsym(RTLD_DEFAULT, "mallctl");
  mi_info = (mi_process_info_fn)real_dlsym(RTLD_DEFAULT, "mi_process_info");
  mi_print = (mi_stats_print_out_fn)real_dlsym(RTLD_DEFAULT, "mi_stats_print_out");
}

static uint64_t je_size(const char *name) {
  size_t v = 0, sz = sizeof v;
  return je_mallctl(name, &v, &sz, NULL, 0) == 0 ? (uint64_t)v : UINT64_MAX;
}

static uint64_t je_unsigned(const char *name) {
  unsigned v = 0;
  size_t sz = sizeof v;
  return je_mallctl(name, &v, &sz, NULL, 0) == 0 ? (uint64_t)v : UINT64_MAX;
}

static void write_all(const char *s, size_t n) {
  while (n > 0) {
    long w = syscall(SYS_write, 2, s, n);
    if (w <= 0) return;
    s += w;
    n -= (size_t)w;
  }
}

static void mi_out(const char *msg, void *arg) {
  (void)arg;
  write_all(msg, strlen(msg));
}

/* Same ABI as glibc's `struct mallinfo2 mallinfo2(void)`: ten size_t returned
   through the hidden pointer in %rdi. */
struct ten {
  uint64_t w[10];
};

struct ten hw_mallinfo2(void) {
  struct ten r;
  for (int i = 0; i < 10; i++) r.w[i] = UINT64_MAX;
  lookup();
  if (je_mallctl) {
    uint64_t epoch = 1;
    size_t sz = sizeof epoch;
    je_mallctl("epoch", &epoch, &sz, &epoch, sz);
    uint64_t page = je_size("arenas.page");
    r.w[0] = je_size("stats.allocated");
    r.w[1] = je_size("stats.active");
    r.w[2] = je_size("stats.metadata");
    r.w[3] = je_size("stats.resident");
    r.w[4] = je_size("stats.mapped");
    r.w[5] = je_size("stats.retained");
    /* 4096 is MALLCTL_ARENAS_ALL in 5.x: the merged figures of every arena. */
    uint64_t d = je_size("stats.arenas.4096.pdirty"), m = je_size("stats.arenas.4096.pmuzzy");
    r.w[6] = (d == UINT64_MAX || page == UINT64_MAX) ? UINT64_MAX : d * page;
    r.w[7] = (m == UINT64_MAX || page == UINT64_MAX) ? UINT64_MAX : m * page;
    r.w[8] = je_unsigned("arenas.narenas");
    r.w[9] = je_size("stats.background_thread.num_threads");
  } else if (mi_info) {
    size_t el = 0, ut = 0, st = 0, rss = 0, prss = 0, cc = 0, pc = 0, pf = 0;
    mi_info(&el, &ut, &st, &rss, &prss, &cc, &pc, &pf);
    r.w[0] = cc;
    r.w[1] = pc;
    r.w[2] = prss;
    r.w[3] = pf;
    r.w[4] = el;
    r.w[5] = ut;
    r.w[6] = st;
    r.w[7] = r.w[8] = r.w[9] = 0;
    if (mi_print) {
      static const char a[] = "\n@@HW-MISTATS@@\n", b[] = "\n@@HW-MISTATS-END@@\n";
      write_all(a, sizeof a - 1);
      mi_print(mi_out, NULL);
      write_all(b, sizeof b - 1);
    }
  }
  return r;
}

void *dlsym(void *handle, const char *name) {
  if (!real_dlsym) real_dlsym = (void *(*)(void *, const char *))dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.34");
  if (handle != RTLD_NEXT && handle != RTLD_DEFAULT && strcmp(name, "mallinfo2") == 0) return (void *)&hw_mallinfo2;
  return real_dlsym ? real_dlsym(handle, name) : NULL;
}

/* The real process would see LD_PRELOAD=<allocator> only. We are the last
   word of it; cut the value in place just before us (the string lives on the
   initial stack; nothing is allocated and no pointer in environ moves), so
   CPython copies exactly what it would have seen into os.environ. */
__attribute__((constructor)) static void stats_init(void) {
  extern char **environ;
  for (char **e = environ; e && *e; e++) {
    if (strncmp(*e, "LD_PRELOAD=", 11) != 0) continue;
    char *last = strrchr(*e, ' ');
    if (last && strstr(last, "alloc_stats")) *last = '\0';
  }
}
