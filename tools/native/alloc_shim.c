/*
 * alloc_shim.c: an LD_PRELOAD library that logs every call a process makes to
 * glibc's allocator (and its direct anonymous mmaps) from the very start, so
 * tools/capture_startup.py can turn CPython's start-up into a replayable trace.
 *
 * Build:  gcc -O2 -shared -fPIC -ftls-model=initial-exec -o alloc_shim.so \
 *             tools/native/alloc_shim.c -ldl
 * Use:    HW_SHIM_LOG=/tmp/x.log LD_PRELOAD=./alloc_shim.so python3 ...
 *         (HW_SHIM_CAP_MB=N sets the log's capacity, default 2048 MiB)
 *
 * What is logged, one fixed 64-byte record per call (layout in struct rec,
 * read by tools/shimlog.py):
 *   malloc calloc realloc free memalign/aligned_alloc posix_memalign valloc
 *   pvalloc reallocarray malloc_trim mallopt  -- every caller, including ld.so
 *     (which uses the interposed malloc once relocation is done) and libc
 *     itself (glibc routes its own internal malloc calls through the PLT);
 *   mmap munmap mremap                         -- calls made through the PLT,
 *     i.e. by the program and its libraries (pymalloc's arenas, CPython's
 *     frame-stack chunks, NumPy/OpenBLAS buffers), but not glibc malloc's
 *     own mmaps for big chunks, which use an internal entry point: those
 *     are seen instead through the chunk header of the pointer returned;
 *   sched_yield                                -- a MARK: hw_child.py calls
 *     os.sched_yield() right before the scenario's first statement and after
 *     each one. At a mark the shim also snapshots mallinfo2() and sbrk(0)
 *     into the log header and copies /proc/self/maps to LOG.maps.N.
 * For each call: op, thread id, arguments, result, the chunk size word in
 * front of the result (so the reader knows whether glibc mmapped it and how
 * big the chunk is), for free/realloc the size word of the old chunk read
 * before it is released (dynamic mmap threshold bookkeeping), and the
 * caller's return address (__builtin_return_address(0); the reader resolves
 * it with addr2line using the maps snapshot).
 *
 * Rules the shim keeps so that it does not change what it observes:
 *  - no stdio and no malloc inside the hooks: the real functions are
 *    glibc's exported __libc_malloc & co. (no dlsym, so no dlsym-calloc
 *    trap); the log is a MAP_SHARED mapping of the log file (records land in
 *    the file as they are written, even if the process leaves with _exit),
 *    placed far below the usual mmap area (an address hint) so that it does
 *    not shift where the kernel puts the program's own mappings;
 *  - files are opened, read and written with raw syscalls;
 *  - a thread-local flag stops recursion (a hook running inside a hook
 *    passes straight through, unlogged, and is counted in the header);
 *  - the constructor removes LD_PRELOAD and HW_SHIM_LOG / HW_SHIM_CAP_MB
 *    from the environment before main() runs, so the program sees the
 *    environment it would see without the shim;
 *  - dlsym is interposed too, for the hooked names only, because ctypes
 *    looks functions up with dlsym(libc handle, name), which would hand out
 *    libc's own malloc_trim/free/... and bypass the log. The real dlsym and
 *    malloc_trim are found once, in the constructor, with logging suspended
 *    (header.nested counts any hook call made meanwhile: 0 in practice).
 *
 * Verified (tools/capture_startup.py, tools/verify_recording.py): under the
 * shim every mallinfo2() field and the heap size equal those of a run
 * without it, and replaying the log on glibc reproduces them.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);
extern void *__libc_valloc(size_t);
extern void *__libc_pvalloc(size_t);
extern int __libc_mallopt(int, int);

#ifdef HW_FORWARD
/* Forward mode (built as alloc_shim_fwd.so with -DHW_FORWARD): every call goes
   on to the NEXT library in the search order, i.e. the allocator preloaded
   after this one (LD_PRELOAD="alloc_shim_fwd.so libjemalloc.so.2"), so that
   tools/capture_startup.py can log CPython's start-up under jemalloc or
   mimalloc and check it makes the same calls as under glibc. Chunk size words
   are not read (glibc's chunk header; other allocators keep nothing there).
   The next functions are found on first use; a call made while dlsym itself
   runs (none in practice) is served from a small static buffer. */
static void *(*next_malloc)(size_t);
static void *(*next_calloc)(size_t, size_t);
static void *(*next_realloc)(void *, size_t);
static void (*next_free)(void *);
static void *(*next_memalign)(size_t, size_t);
static void *(*next_valloc)(size_t);
static void *(*next_pvalloc)(size_t);
static int (*next_mallopt)(int, int);
static char boot_buf[1 << 16] __attribute__((aligned(16)));
static size_t boot_used;
static int resolving;

static void *boot_alloc(size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (boot_used + n > sizeof boot_buf) return NULL;
  void *p = boot_buf + boot_used;
  boot_used += n;
  return p; /* static storage: already zero */
}

static int in_boot(const void *p) { return (const char *)p >= boot_buf && (const char *)p < boot_buf + sizeof boot_buf; }

static int resolve_next(void) {
  if (next_malloc) return 1;
  if (resolving) return 0;
  resolving = 1;
  void *(*ds)(void *, const char *) = (void *(*)(void *, const char *))dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.34");
  next_calloc = (void *(*)(size_t, size_t))ds(RTLD_NEXT, "calloc");
  next_realloc = (void *(*)(void *, size_t))ds(RTLD_NEXT, "realloc");
  next_free = (void (*)(void *))ds(RTLD_NEXT, "free");
  next_memalign = (void *(*)(size_t, size_t))ds(RTLD_NEXT, "memalign");
  next_valloc = (void *(*)(size_t))ds(RTLD_NEXT, "valloc");
  next_pvalloc = (void *(*)(size_t))ds(RTLD_NEXT, "pvalloc");
  next_mallopt = (int (*)(int, int))ds(RTLD_NEXT, "mallopt");
  next_malloc = (void *(*)(size_t))ds(RTLD_NEXT, "malloc");
  resolving = 0;
  return next_malloc != NULL;
}

static void *fwd_malloc(size_t n) { return resolve_next() ? next_malloc(n) : boot_alloc(n); }
static void *fwd_calloc(size_t k, size_t n) { return resolve_next() ? next_calloc(k, n) : boot_alloc(k * n); }
static void *fwd_realloc(void *p, size_t n) {
  if (in_boot(p)) { /* rare: grow a bootstrap block into a real one */
    void *q = fwd_malloc(n);
    if (q && p) memcpy(q, p, n); /* the boot buffer outlives p, so reading n bytes is safe */
    return q;
  }
  return resolve_next() ? next_realloc(p, n) : boot_alloc(n);
}
static void fwd_free(void *p) {
  if (p && !in_boot(p) && resolve_next()) next_free(p);
}
static void *fwd_memalign(size_t a, size_t n) { return resolve_next() ? next_memalign(a, n) : NULL; }
static void *fwd_valloc(size_t n) { return resolve_next() ? next_valloc(n) : NULL; }
static void *fwd_pvalloc(size_t n) { return resolve_next() ? next_pvalloc(n) : NULL; }
static int fwd_mallopt(int a, int b) { return resolve_next() && next_mallopt ? next_mallopt(a, b) : 0; }
#define __libc_malloc fwd_malloc
#define __libc_calloc fwd_calloc
#define __libc_realloc fwd_realloc
#define __libc_free fwd_free
#define __libc_memalign fwd_memalign
#define __libc_valloc fwd_valloc
#define __libc_pvalloc fwd_pvalloc
#define __libc_mallopt fwd_mallopt
#endif

enum {
  OP_MALLOC = 1, OP_CALLOC, OP_REALLOC, OP_FREE, OP_MEMALIGN, OP_POSIX_MEMALIGN, OP_VALLOC, OP_PVALLOC,
  OP_REALLOCARRAY, OP_TRIM, OP_MALLOPT, OP_MMAP, OP_MUNMAP, OP_MREMAP, OP_MARK
};

struct rec {        /* 64 bytes */
  uint32_t op;
  uint32_t tid;
  uint64_t a, b, c; /* arguments (see tools/shimlog.py for each op) */
  uint64_t ret;     /* result */
  uint64_t hdr;     /* chunk size word in front of the result (0 if none) */
  uint64_t old;     /* free/realloc: size word of the old chunk, read before the call */
  uint64_t caller;  /* __builtin_return_address(0) */
};

#define MAX_MARKS 256 /* a module import captured after its ~70 dependencies (asyncio) takes one mark each */
struct mark {       /* 12 x 8 bytes */
  uint64_t rec_index; /* index of the MARK record */
  uint64_t brk;       /* sbrk(0) at the mark */
  uint64_t mi[10];    /* mallinfo2: arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost */
};

struct header {
  char magic[8];        /* "HWSHIM01" */
  uint64_t nrecs;       /* records written */
  uint64_t cap;         /* capacity in records */
  uint64_t dropped;     /* records lost because the log was full */
  uint64_t heap_start;  /* sbrk(0) before the first logged call */
  uint64_t nested;      /* hook calls made inside a hook (passed through unlogged) */
  uint64_t nmarks;
  uint64_t shim_base;   /* where this library is mapped (to spot its own callers) */
  struct mark marks[MAX_MARKS];
};
#define HEADER_BYTES 32768 /* 64 + 256 marks x 96 bytes, page-aligned */

static struct header *g_hdr;
static struct rec *g_recs;
static int g_state; /* 0 = not set up, 1 = logging, 2 = disabled */
static char g_path[4096];
static size_t g_path_len;
static int (*real_malloc_trim)(size_t);
static void *(*real_dlsym)(void *, const char *);
static __thread int t_in_hook;
static __thread uint32_t t_tid;

static size_t str_len(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

static const char *env_get(const char *name) {
  extern char **environ;
  size_t n = str_len(name);
  for (char **e = environ; e && *e; e++)
    if (strncmp(*e, name, n) == 0 && (*e)[n] == '=') return *e + n + 1;
  return NULL;
}

static uint64_t parse_u64(const char *s) {
  uint64_t v = 0;
  while (s && *s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
  return v;
}

static long sys_open(const char *p, int flags, int mode) { return syscall(SYS_openat, AT_FDCWD, p, flags, mode); }

static void write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    long w = syscall(SYS_write, fd, buf, len);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    buf += w;
    len -= (size_t)w;
  }
}

/* Called on the first hook (which may come before our constructor) or from it. */
static void setup(void) {
  if (g_state != 0) return;
  g_state = 2;
  const char *path = env_get("HW_SHIM_LOG");
  if (!path) return;
  g_path_len = str_len(path);
  if (g_path_len + 16 > sizeof g_path) return;
  memcpy(g_path, path, g_path_len + 1);
  uint64_t cap_mb = parse_u64(env_get("HW_SHIM_CAP_MB"));
  if (cap_mb == 0) cap_mb = 2048;
  size_t bytes = (size_t)cap_mb << 20;
  long fd = sys_open(g_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  if (syscall(SYS_ftruncate, fd, bytes) != 0) {
    syscall(SYS_close, fd);
    return;
  }
  /* Hint: far below the mmap area (which grows down from under the stack),
     so the program's own mappings land exactly where they would without us. */
  void *hint = (void *)0x100000000000ull;
  void *m = (void *)syscall(SYS_mmap, hint, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  syscall(SYS_close, fd);
  if (m == MAP_FAILED) return;
  g_hdr = m;
  g_recs = (struct rec *)((char *)m + HEADER_BYTES);
  memcpy(g_hdr->magic, "HWSHIM01", 8);
  g_hdr->cap = (bytes - HEADER_BYTES) / sizeof(struct rec);
  g_hdr->heap_start = (uint64_t)sbrk(0);
  __atomic_store_n(&g_state, 1, __ATOMIC_RELEASE);
}

static uint32_t tid(void) {
  if (!t_tid) t_tid = (uint32_t)syscall(SYS_gettid);
  return t_tid;
}

static struct rec *slot(void) {
  uint64_t i = __atomic_fetch_add(&g_hdr->nrecs, 1, __ATOMIC_RELAXED);
  if (i >= g_hdr->cap) {
    __atomic_fetch_add(&g_hdr->dropped, 1, __ATOMIC_RELAXED);
    return NULL;
  }
  return &g_recs[i];
}

#ifdef HW_FORWARD
static uint64_t size_word(const void *p) {
  (void)p;
  return 0;
}
#else
static uint64_t size_word(const void *p) { return p ? ((const uint64_t *)p)[-1] : 0; }
#endif

/* Enter a hook: returns 1 (and marks this thread as inside a hook) if the
   call is to be logged; then the hook must call leave(). */
static int enter(void) {
  if (t_in_hook) {
    if (g_hdr) __atomic_fetch_add(&g_hdr->nested, 1, __ATOMIC_RELAXED);
    return 0;
  }
  if (g_state == 0) {
    t_in_hook = 1;
    setup();
    t_in_hook = 0;
  }
  if (g_state != 1) return 0;
  t_in_hook = 1;
  return 1;
}

static void leave(void) { t_in_hook = 0; }

static void log_rec(uint32_t op, uint64_t a, uint64_t b, uint64_t c, uint64_t ret, uint64_t hdr, uint64_t old,
                    void *caller) {
  struct rec *r = slot();
  if (!r) return;
  r->tid = tid();
  r->a = a;
  r->b = b;
  r->c = c;
  r->ret = ret;
  r->hdr = hdr;
  r->old = old;
  r->caller = (uint64_t)caller;
  __atomic_store_n(&r->op, op, __ATOMIC_RELEASE); /* op last: a reader sees 0 for a half-written record */
}

#define CALLER __builtin_return_address(0)

void *malloc(size_t n) {
  void *caller = CALLER;
  if (!enter()) return __libc_malloc(n);
  void *p = __libc_malloc(n);
  log_rec(OP_MALLOC, n, 0, 0, (uint64_t)p, size_word(p), 0, caller);
  leave();
  return p;
}

void *calloc(size_t k, size_t n) {
  void *caller = CALLER;
  if (!enter()) return __libc_calloc(k, n);
  void *p = __libc_calloc(k, n);
  log_rec(OP_CALLOC, k, n, 0, (uint64_t)p, size_word(p), 0, caller);
  leave();
  return p;
}

void *realloc(void *old, size_t n) {
  void *caller = CALLER;
  if (!enter()) return __libc_realloc(old, n);
  uint64_t oldw = size_word(old);
  void *p = __libc_realloc(old, n);
  log_rec(OP_REALLOC, (uint64_t)old, n, 0, (uint64_t)p, size_word(p), oldw, caller);
  leave();
  return p;
}

void free(void *p) {
  void *caller = CALLER;
  if (!enter()) {
    __libc_free(p);
    return;
  }
  uint64_t oldw = size_word(p);
  __libc_free(p);
  log_rec(OP_FREE, (uint64_t)p, 0, 0, 0, 0, oldw, caller);
  leave();
}

void *memalign(size_t al, size_t n) {
  void *caller = CALLER;
  if (!enter()) return __libc_memalign(al, n);
  void *p = __libc_memalign(al, n);
  log_rec(OP_MEMALIGN, al, n, 0, (uint64_t)p, size_word(p), 0, caller);
  leave();
  return p;
}

void *aligned_alloc(size_t al, size_t n) {
  void *caller = CALLER;
  if (!enter()) return __libc_memalign(al, n);
  void *p = __libc_memalign(al, n); /* glibc 2.36: aligned_alloc is an alias of __libc_memalign */
  log_rec(OP_MEMALIGN, al, n, 1, (uint64_t)p, size_word(p), 0, caller);
  leave();
  return p;
}

int posix_memalign(void **out, size_t al, size_t n) {
  void *caller = CALLER;
  /* glibc's own checks: a power of two multiple of sizeof(void *). */
  if (al % sizeof(void *) != 0 || (al & (al - 1)) != 0 || al == 0) return EINVAL;
  int logged = enter();
  void *p = __libc_memalign(al, n); /* the same internal path (_mid_memalign) */
  if (logged) {
    log_rec(OP_POSIX_MEMALIGN, al, n, 0, (uint64_t)p, size_word(p), 0, caller);
    leave();
  }
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}

void *valloc(size_t n) {
  void *caller = CALLER;
  if (!enter()) return __libc_valloc(n);
  void *p = __libc_valloc(n);
  log_rec(OP_VALLOC, n, 0, 0, (uint64_t)p, size_word(p), 0, caller);
  leave();
  return p;
}

void *pvalloc(size_t n) {
  void *caller = CALLER;
  if (!enter()) return __libc_pvalloc(n);
  void *p = __libc_pvalloc(n);
  log_rec(OP_PVALLOC, n, 0, 0, (uint64_t)p, size_word(p), 0, caller);
  leave();
  return p;
}

void *reallocarray(void *old, size_t k, size_t n) {
  void *caller = CALLER;
  size_t bytes;
  if (__builtin_mul_overflow(k, n, &bytes)) {
    errno = ENOMEM;
    return NULL;
  }
  if (!enter()) return __libc_realloc(old, bytes);
  uint64_t oldw = size_word(old);
  void *p = __libc_realloc(old, bytes);
  log_rec(OP_REALLOCARRAY, (uint64_t)old, bytes, 0, (uint64_t)p, size_word(p), oldw, caller);
  leave();
  return p;
}

int malloc_trim(size_t pad) {
  void *caller = CALLER;
  if (!real_malloc_trim) return 0;
  if (!enter()) return real_malloc_trim(pad);
  int r = real_malloc_trim(pad);
  log_rec(OP_TRIM, pad, 0, 0, (uint64_t)r, 0, 0, caller);
  leave();
  return r;
}

int mallopt(int param, int value) {
  void *caller = CALLER;
  if (!enter()) return __libc_mallopt(param, value);
  int r = __libc_mallopt(param, value);
  log_rec(OP_MALLOPT, (uint64_t)(int64_t)param, (uint64_t)(int64_t)value, 0, (uint64_t)r, 0, 0, caller);
  leave();
  return r;
}

static void *raw_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  long r = syscall(SYS_mmap, addr, len, prot, flags, fd, off);
  return (void *)r; /* syscall() already maps errors to -1 / errno, i.e. MAP_FAILED */
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  void *caller = CALLER;
  if (!enter()) return raw_mmap(addr, len, prot, flags, fd, off);
  void *p = raw_mmap(addr, len, prot, flags, fd, off);
  log_rec(OP_MMAP, len, (uint64_t)(uint32_t)prot | (uint64_t)(uint32_t)flags << 32, (uint64_t)(int64_t)fd,
          (uint64_t)p, (uint64_t)addr, (uint64_t)off, caller);
  leave();
  return p;
}
void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t off) __attribute__((alias("mmap")));

int munmap(void *addr, size_t len) {
  void *caller = CALLER;
  if (!enter()) return (int)syscall(SYS_munmap, addr, len);
  int r = (int)syscall(SYS_munmap, addr, len);
  log_rec(OP_MUNMAP, (uint64_t)addr, len, 0, (uint64_t)(int64_t)r, 0, 0, caller);
  leave();
  return r;
}

void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...) {
  void *caller = CALLER;
  void *new_addr = NULL;
  if (flags & MREMAP_FIXED) {
    __builtin_va_list ap;
    __builtin_va_start(ap, flags);
    new_addr = __builtin_va_arg(ap, void *);
    __builtin_va_end(ap);
  }
  if (!enter()) return (void *)syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
  void *p = (void *)syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
  log_rec(OP_MREMAP, (uint64_t)old, old_len, new_len, (uint64_t)p, (uint64_t)(uint32_t)flags, (uint64_t)new_addr,
          caller);
  leave();
  return p;
}

/* Writes /proc/self/maps to LOG.maps.N with raw syscalls (no malloc, no stdio). */
static void snapshot_maps(uint64_t n) {
  char buf[1 << 14]; /* on the stack: a static buffer would make our .bss, and so our mapping, bigger */
  char path[4096 + 32];
  memcpy(path, g_path, g_path_len);
  size_t k = g_path_len;
  memcpy(path + k, ".maps.", 6);
  k += 6;
  char digits[24];
  size_t d = 0;
  do {
    digits[d++] = (char)('0' + n % 10);
    n /= 10;
  } while (n);
  while (d) path[k++] = digits[--d];
  path[k] = 0;
  long in = sys_open("/proc/self/maps", O_RDONLY | O_CLOEXEC, 0);
  long out = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (in >= 0 && out >= 0) {
    for (;;) {
      long r = syscall(SYS_read, in, buf, sizeof buf);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      write_all((int)out, buf, (size_t)r);
    }
  }
  if (in >= 0) syscall(SYS_close, in);
  if (out >= 0) syscall(SYS_close, out);
}

int sched_yield(void) {
  void *caller = CALLER;
  if (enter()) {
    uint64_t i = g_hdr->nrecs;
    uint64_t m = g_hdr->nmarks;
    if (m < MAX_MARKS) {
      struct mallinfo2 mi = mallinfo2(); /* reads the arena counters; never allocates */
      struct mark *mk = &g_hdr->marks[m];
      mk->rec_index = i;
      mk->brk = (uint64_t)sbrk(0);
      uint64_t v[10] = {mi.arena, mi.ordblks, mi.smblks, mi.hblks, mi.hblkhd,
                        mi.usmblks, mi.fsmblks, mi.uordblks, mi.fordblks, mi.keepcost};
      memcpy(mk->mi, v, sizeof v);
      snapshot_maps(m);
      g_hdr->nmarks = m + 1;
    }
    log_rec(OP_MARK, m, 0, 0, 0, 0, 0, caller);
    leave();
  }
  return (int)syscall(SYS_sched_yield);
}

/* ctypes (and any dlopen user) finds functions with dlsym(handle, name),
   which searches that library only and so would hand out libc's own
   malloc_trim, free... and bypass the hooks: `ctypes.CDLL("libc.so.6")
   .malloc_trim(0)` would never reach the log. For the functions we hook, we
   answer with our hook (which calls the real one); anything else goes to the
   real dlsym. (A program's dlsym(RTLD_NEXT, ...) would now be resolved
   relative to this library; CPython and NumPy do not use it.) */
static const char *const hooked[] = {"malloc", "calloc", "realloc", "free", "memalign", "aligned_alloc",
                                     "posix_memalign", "valloc", "pvalloc", "reallocarray", "malloc_trim",
                                     "mallopt", "mmap", "mmap64", "munmap", "mremap", "sched_yield", NULL};

void *dlsym(void *handle, const char *name) {
  if (!real_dlsym) real_dlsym = (void *(*)(void *, const char *))dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.34");
  if (handle != RTLD_NEXT && handle != RTLD_DEFAULT) {
    for (int i = 0; hooked[i]; i++) {
      if (strcmp(name, hooked[i]) == 0) {
        void *ours = real_dlsym(RTLD_DEFAULT, name); /* the global scope finds this library first */
        if (ours) return ours;
      }
    }
  }
  return real_dlsym ? real_dlsym(handle, name) : NULL;
}

__attribute__((constructor(101))) static void shim_init(void) {
  setup();
  /* malloc_trim has no exported __libc_ twin; look it up once, here, with
     logging suspended (dlsym allocates nothing on success; any call it makes
     would be counted in header.nested). */
  t_in_hook = 1;
  real_dlsym = (void *(*)(void *, const char *))dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.34");
  real_malloc_trim = (int (*)(size_t))real_dlsym(RTLD_NEXT, "malloc_trim");
  Dl_info info;
  if (g_hdr && dladdr((void *)&shim_init, &info)) g_hdr->shim_base = (uint64_t)info.dli_fbase;
  t_in_hook = 0;
#ifdef HW_FORWARD
  /* LD_PRELOAD="<this library> <allocator>": the program must see the
     allocator's LD_PRELOAD as the user set it, so drop our own word only, in
     place (the string gets shorter; nothing is allocated, no pointer moves). */
  extern char **environ;
  for (char **e = environ; e && *e; e++) {
    if (strncmp(*e, "LD_PRELOAD=", 11) != 0) continue;
    char *v = *e + 11, *sp = strchr(v, ' ');
    if (sp) memmove(v, sp + 1, strlen(sp + 1) + 1);
  }
#else
  unsetenv("LD_PRELOAD"); /* shifts the pointers in environ; allocates nothing */
#endif
  unsetenv("HW_SHIM_LOG");
  unsetenv("HW_SHIM_CAP_MB");
}
