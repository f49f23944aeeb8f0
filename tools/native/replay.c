/*
 * replay.c: replay a Highwater allocation trace on the machine's real glibc
 * malloc and print where every block landed, plus mallinfo2() at the end.
 *
 * Build:  gcc -O2 -pthread -rdynamic -o .cache/replay tools/native/replay.c
 * Usage:  .cache/replay [--time] TRACE
 *         GLIBC_TUNABLES=glibc.malloc.tcache_count=0 .cache/replay TRACE
 *
 * Trace (one op a line; blank lines and lines starting with '#' are ignored):
 *   m ID SIZE          ptr[ID] = malloc(SIZE)
 *   c ID NMEMB SIZE    ptr[ID] = calloc(NMEMB, SIZE)
 *   r ID SIZE          ptr[ID] = realloc(ptr[ID], SIZE)
 *   f ID               free(ptr[ID]); ptr[ID] = NULL
 *   t PAD              malloc_trim(PAD)
 *   T TID              the next ops run on thread TID (0 = the main thread; a
 *                      new TID is a new pthread, created by the main thread)
 *   X TID              thread TID exits (glibc's tcache_thread_shutdown and
 *                      arena free-list runs in it) and is joined
 * An id that was never set (or was freed) holds NULL; ids are shared by all
 * threads (a thread may free what another allocated). Numbers must be at
 * most 2^53 - 1, ids at most 2^31 - 1, thread ids at most 65535 (as in the
 * simulator's parser).
 *
 * Threads run one at a time, in the trace's order: each waits on a condition
 * variable until the main thread hands it its run of ops, and hands back when
 * done, so the interleaving is the trace's and nothing else. pthread_create
 * allocates the new thread's DTV with calloc in the creating thread; that
 * calloc is served here from a side region (calloc and free are interposed,
 * everything else goes to __libc_calloc and __libc_free), so the heaps hold
 * only the trace's blocks: the simulator models malloc, not nptl.
 *
 * Output: for each m/c/r op one line, "heap OFFSET" (user pointer minus the
 * break taken before the first malloc: a main-arena chunk), "heap A.H OFFSET"
 * (a thread arena's chunk: A numbers the thread arenas in the order they
 * first appear in this output, H is the heap's place in its arena's chain,
 * 0 the first, and OFFSET is from that heap's start), "mmap SIZE" (chunk size
 * of an mmapped chunk, flag bits cleared) or "null"; then "NAME VALUE" for
 * arena, ordblks, smblks, hblks, hblkhd, uordblks, fordblks, fsmblks, keepcost
 * and heap_size (final break minus heap start); then, for each thread arena
 * that appeared, "thread_arena A system_mem N heaps S0,S1,..." (its
 * malloc_state's system_mem, and h->size of each heap from the first).
 *
 * The program must not disturb the heap it measures: no stdio, no malloc of
 * its own. Every buffer is an anonymous mmap, numbers are formatted by hand,
 * and output goes out with write(2) once all ops have run.
 *
 * Diagnostic flags (stdout stays exactly the same; extra lines go to stderr):
 *   --time   nanoseconds spent in the op loop (parsing and formatting
 *            excluded): "time_ns N ops N minflt N majflt N" (the page faults of the
 *            whole run, getrusage: on a VM most of the time is theirs, not glibc's)
 *   --brk    every change of the break: "brk LINE OP_INDEX HEAP_SIZE"
 *            (LINE is the trace line of the op that moved it)
 *   --touch  write every byte of every block returned (so pages become
 *            resident as in a real program; combine with --rss)
 *   --rss    resident pages of [heap start, break) at the end, via mincore:
 *            "heap_rss_pages N" (pages only read count too: the zero page), and the
 *            [heap]'s Rss from /proc/self/smaps: "heap_smaps_rss_pages N" (as RSS counts),
 *            and the thread arenas' heaps' Rss: "thread_heaps_rss_pages N"
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Limits shared with the simulator's parser (src/engine/glibc/trace.ts):
   every number must be a safe JavaScript integer, every id fit in an int32. */
#define MAX_NUMBER ((1ull << 53) - 1)
#define MAX_ID 0x7fffffffull

#define MAX_TID 65535

enum { OP_MALLOC, OP_CALLOC, OP_REALLOC, OP_FREE, OP_TRIM, OP_THREAD, OP_EXIT };

struct op {
  uint64_t a; /* SIZE, NMEMB or PAD */
  uint64_t b; /* calloc SIZE */
  uint64_t line;
  uint32_t id;
  uint32_t kind;
};

/* A result: tag 0 = null, 1 = main heap offset, 2 = mmapped chunk size,
   3 = thread heap: value = offset, arena and heap as below. */
struct result {
  uint64_t value;
  uint32_t tag;
  uint32_t heap;
  uintptr_t arena; /* the malloc_state (heap_info->ar_ptr) */
};

/* ---- tiny helpers that never allocate ---------------------------------- */

static size_t str_len(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

static void write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t w = write(fd, buf, len);
    if (w < 0) {
      if (errno == EINTR) continue;
      _exit(3);
    }
    buf += w;
    len -= (size_t)w;
  }
}

/* Formats v in decimal at dst, returns the number of bytes written. */
static size_t fmt_u64(char *dst, uint64_t v) {
  char tmp[24];
  size_t n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (size_t i = 0; i < n; i++) dst[i] = tmp[n - 1 - i];
  return n;
}

static size_t put_str(char *dst, const char *s) {
  size_t n = str_len(s);
  memcpy(dst, s, n);
  return n;
}

static void *map_anon(size_t len) {
  if (len == 0) len = 1;
  /* No MAP_NORESERVE: glibc's thread heaps have it, and the kernel merges adjacent mappings with
     the same flags, so a buffer mapped next to a heap would become part of the heap's mapping. */
  void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    static const char msg[] = "replay: mmap failed\n";
    write_all(2, msg, sizeof msg - 1);
    _exit(2);
  }
  return p;
}

__attribute__((noreturn)) static void die_usage(void) {
  static const char msg[] = "usage: replay [--time] [--brk] [--touch] [--rss] TRACE\n";
  write_all(2, msg, sizeof msg - 1);
  _exit(2);
}

/* "replay: TRACE:LINE: WHY: TEXT" on stderr, exit status 1. */
__attribute__((noreturn)) static void die_line(const char *path, uint64_t lineno, const char *why, const char *text, size_t text_len) {
  char buf[512];
  size_t n = 0;
  n += put_str(buf + n, "replay: ");
  size_t pl = str_len(path);
  if (pl > 200) pl = 200;
  memcpy(buf + n, path, pl);
  n += pl;
  buf[n++] = ':';
  n += fmt_u64(buf + n, lineno);
  n += put_str(buf + n, ": ");
  n += put_str(buf + n, why);
  n += put_str(buf + n, ": ");
  if (text_len > 200) text_len = 200;
  memcpy(buf + n, text, text_len);
  n += text_len;
  buf[n++] = '\n';
  write_all(2, buf, n);
  _exit(1);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Parses one unsigned decimal field at *pp (after skipping blanks).
   Returns 0 on success; -1 if there is no field; -2 if it is not a number or
   does not fit in 64 bits. */
static int parse_u64(const char **pp, const char *end, uint64_t *out) {
  const char *p = *pp;
  while (p < end && is_space(*p)) p++;
  if (p == end) return -1;
  const char *start = p;
  uint64_t v = 0;
  while (p < end && !is_space(*p)) {
    if (*p < '0' || *p > '9') return -2;
    uint64_t d = (uint64_t)(*p - '0');
    if (v > (UINT64_MAX - d) / 10) return -2;
    v = v * 10 + d;
    p++;
  }
  if (p == start) return -1;
  *out = v;
  *pp = p;
  return 0;
}

/* The Rss of the [heap] mapping in /proc/self/smaps, in KiB (0 when there is none). Unlike
   mincore, it leaves out pages only read (they map the shared zero page), as the RSS does. */
static uint64_t heap_smaps_rss_kb(void) {
  int fd = open("/proc/self/smaps", O_RDONLY);
  if (fd < 0) return 0;
  size_t cap = 1 << 22, len = 0;
  char *buf = map_anon(cap);
  for (;;) {
    ssize_t r = read(fd, buf + len, cap - 1 - len);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    len += (size_t)r;
    if (len == cap - 1) break;
  }
  close(fd);
  buf[len] = '\0';
  const char *h = NULL;
  for (size_t i = 0; i + 6 <= len; i++)
    if (memcmp(buf + i, "[heap]", 6) == 0) {
      h = buf + i;
      break;
    }
  if (h == NULL) return 0;
  for (const char *q = h; q + 4 < buf + len; q++) {
    if (q[0] == '\n' && memcmp(q + 1, "Rss:", 4) == 0) {
      q += 5;
      while (*q == ' ') q++;
      uint64_t v = 0;
      while (*q >= '0' && *q <= '9') v = v * 10 + (uint64_t)(*q++ - '0');
      return v;
    }
  }
  return 0;
}

/* ---- glibc's arena layout (2.36, x86-64), read only to name thread heaps --- */

#define HEAP_MAX_SIZE ((uintptr_t)64 << 20)
#define NON_MAIN_ARENA 4
/* struct _heap_info: ar_ptr, prev, size, mprotect_size, pagesize. */
struct heap_info {
  void *ar_ptr;
  struct heap_info *prev;
  size_t size;
  size_t mprotect_size;
  size_t pagesize;
};
/* Offsets in struct malloc_state (checked: a new arena's first chunk sits at heap + 2256). */
#define MSTATE_TOP 96
#define MSTATE_SYSTEM_MEM 2184

/* ---- the replay's state (shared by its threads; one runs at a time) ------- */

struct replay {
  struct op *ops;
  void **table;
  struct result *results;
  size_t ri;
  int touch;
  int show_brk;
  uintptr_t *brks;
  size_t n_brks;
  uintptr_t last_brk;
};
static struct replay R;

/* Runs ops [from, to) on the calling thread. */
static void run_ops(size_t from, size_t to) {
  for (size_t i = from; i < to; i++) {
    const struct op *o = &R.ops[i];
    void *res;
    switch (o->kind) {
      case OP_MALLOC:
        res = malloc(o->a);
        break;
      case OP_CALLOC:
        res = calloc(o->a, o->b);
        break;
      case OP_REALLOC:
        res = realloc(R.table[o->id], o->a);
        break;
      case OP_FREE:
        free(R.table[o->id]);
        R.table[o->id] = NULL;
        res = NULL;
        break;
      default: /* OP_TRIM */
        malloc_trim(o->a);
        res = NULL;
        break;
    }
    if (R.show_brk) {
      uintptr_t b = (uintptr_t)sbrk(0); /* cached by glibc: no syscall */
      if (b != R.last_brk) {
        R.brks[2 * R.n_brks] = i;
        R.brks[2 * R.n_brks + 1] = b;
        R.n_brks++;
        R.last_brk = b;
      }
    }
    if (o->kind == OP_FREE || o->kind == OP_TRIM) continue;
    R.table[o->id] = res;
    if (R.touch && res != NULL) memset(res, 0xa5, malloc_usable_size(res));
    struct result *r = &R.results[R.ri++];
    r->tag = 0;
    r->value = 0;
    if (res == NULL) continue;
    size_t sz = *(const size_t *)((uintptr_t)res - sizeof(size_t)); /* chunk size field */
    if (sz & 2) {
      r->tag = 2;
      r->value = sz & ~(size_t)7;
    } else if (sz & NON_MAIN_ARENA) {
      struct heap_info *h = (struct heap_info *)((uintptr_t)res & ~(HEAP_MAX_SIZE - 1));
      uint32_t depth = 0;
      for (struct heap_info *x = h->prev; x != NULL; x = x->prev) depth++;
      r->tag = 3;
      r->value = (uintptr_t)res - (uintptr_t)h;
      r->heap = depth;
      r->arena = (uintptr_t)h->ar_ptr;
    } else {
      r->tag = 1;
      r->value = (uintptr_t)res; /* made relative to the heap's start once all ops ran */
    }
  }
}

/* ---- threads: one runs at a time, handed its ops by the main thread ------ */

#define CONTROLLER (-1)
static pthread_mutex_t turn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_cv = PTHREAD_COND_INITIALIZER;
static int turn = CONTROLLER;     /* whose ops run now */
static size_t seg_from, seg_to;   /* the run of ops handed over */
static int exit_requested;
static pthread_t workers[MAX_TID + 1];
static unsigned char alive[MAX_TID + 1];

static void *worker(void *arg) {
  int tid = (int)(intptr_t)arg;
  pthread_mutex_lock(&turn_lock);
  for (;;) {
    while (turn != tid) pthread_cond_wait(&turn_cv, &turn_lock);
    if (exit_requested) {
      exit_requested = 0;
      turn = CONTROLLER;
      pthread_cond_broadcast(&turn_cv);
      pthread_mutex_unlock(&turn_lock);
      return NULL; /* glibc's __libc_thread_freeres runs now, in this thread */
    }
    pthread_mutex_unlock(&turn_lock);
    run_ops(seg_from, seg_to);
    pthread_mutex_lock(&turn_lock);
    turn = CONTROLLER;
    pthread_cond_broadcast(&turn_cv);
  }
}

/* Hands ops [from, to) to thread tid (or exit_requested) and waits until it is done. */
static void hand_over(int tid) {
  pthread_mutex_lock(&turn_lock);
  turn = tid;
  pthread_cond_broadcast(&turn_cv);
  while (turn != CONTROLLER) pthread_cond_wait(&turn_cv, &turn_lock);
  pthread_mutex_unlock(&turn_lock);
}

/* pthread_create's own calloc (the DTV) comes from here while `creating` is set. */
static char side[1 << 20] __attribute__((aligned(16)));
static size_t side_used;
static int creating;
extern void *__libc_calloc(size_t, size_t);
extern void __libc_free(void *);

void *calloc(size_t n, size_t size) {
  if (creating) {
    size_t bytes = (n * size + 15) & ~(size_t)15;
    if (side_used + bytes > sizeof side) _exit(4);
    void *p = side + side_used;
    side_used += bytes;
    return p; /* zero: never used before */
  }
  return __libc_calloc(n, size);
}

void free(void *p) {
  if ((char *)p >= side && (char *)p < side + sizeof side) return;
  __libc_free(p);
}

static void start_thread(int tid, const char *path, uint64_t lineno) {
  pthread_attr_t attr;
  creating = 1;
  pthread_attr_init(&attr);
  int rc = pthread_create(&workers[tid], &attr, worker, (void *)(intptr_t)tid);
  pthread_attr_destroy(&attr);
  creating = 0;
  if (rc != 0) die_line(path, lineno, "pthread_create failed", "", 0);
  alive[tid] = 1;
}

/* The Rss, in KiB, of the mappings that start at one of the n addresses (thread heaps: their
   read-write part is one mapping starting at the heap; the PROT_NONE rest has no Rss). */
static uint64_t smaps_rss_kb_at(const uintptr_t *starts, size_t n) {
  if (n == 0) return 0;
  int fd = open("/proc/self/smaps", O_RDONLY);
  if (fd < 0) return 0;
  size_t cap = 1 << 24, len = 0;
  char *buf = map_anon(cap);
  for (;;) {
    ssize_t r = read(fd, buf + len, cap - 1 - len);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    len += (size_t)r;
    if (len == cap - 1) break;
  }
  close(fd);
  buf[len] = '\0';
  uint64_t total = 0;
  int counting = 0;
  for (const char *q = buf; q < buf + len;) {
    const char *eol = memchr(q, '\n', (size_t)(buf + len - q));
    if (eol == NULL) eol = buf + len;
    if ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f')) {
      uintptr_t start = 0;
      const char *h = q;
      while (h < eol && *h != '-') {
        start = start * 16 + (uintptr_t)(*h <= '9' ? *h - '0' : *h - 'a' + 10);
        h++;
      }
      counting = 0;
      for (size_t i = 0; i < n; i++) counting |= starts[i] == start;
    } else if (counting && memcmp(q, "Rss:", 4) == 0) {
      const char *v = q + 4;
      while (*v == ' ') v++;
      uint64_t kb = 0;
      while (*v >= '0' && *v <= '9') kb = kb * 10 + (uint64_t)(*v++ - '0');
      total += kb;
      counting = 0;
    }
    q = eol + 1;
  }
  return total;
}

/* ---- main ----------------------------------------------------------------- */

int main(int argc, char **argv) {
  int timing = 0, show_brk = 0, touch = 0, show_rss = 0;
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--time") == 0)
      timing = 1;
    else if (strcmp(argv[i], "--brk") == 0)
      show_brk = 1;
    else if (strcmp(argv[i], "--touch") == 0)
      touch = 1;
    else if (strcmp(argv[i], "--rss") == 0)
      show_rss = 1;
    else if (argv[i][0] == '-' && argv[i][1] == '-')
      die_usage();
    else if (path == NULL)
      path = argv[i];
    else
      die_usage();
  }
  if (path == NULL) die_usage();

  /* Read the whole trace into an anonymous mapping. */
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    static const char msg[] = "replay: cannot open trace\n";
    write_all(2, msg, sizeof msg - 1);
    return 2;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) return 2;
  size_t cap = (size_t)st.st_size + 1;
  char *text = map_anon(cap);
  size_t len = 0;
  for (;;) {
    if (len == cap) break;
    ssize_t r = read(fd, text + len, cap - len);
    if (r < 0) {
      if (errno == EINTR) continue;
      return 2;
    }
    if (r == 0) break;
    len += (size_t)r;
  }
  close(fd);
  if (len == cap) {
    static const char msg[] = "replay: trace grew while reading\n";
    write_all(2, msg, sizeof msg - 1);
    return 2;
  }

  /* Parse everything first, so a malformed line is reported before any op
     runs and --time measures only the ops. */
  size_t max_ops = len / 2 + 1;
  struct op *ops = map_anon(max_ops * sizeof(struct op));
  size_t n_ops = 0, n_results = 0;
  uint32_t max_id = 0;
  uint64_t lineno = 0;
  unsigned char *known = map_anon(MAX_TID + 1); /* 1: started, 2: exited */
  known[0] = 1;
  const char *p = text, *end = text + len;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (eol == NULL) eol = end;
    lineno++;
    const char *line = p;
    size_t line_len = (size_t)(eol - p);
    p = eol < end ? eol + 1 : end;

    const char *q = line;
    while (q < eol && is_space(*q)) q++;
    if (q == eol || *q == '#') continue;

    char c = *q++;
    if (q < eol && !is_space(*q)) die_line(path, lineno, "unknown op", line, line_len);
    int nfields;
    struct op op = {0, 0, lineno, 0, 0};
    switch (c) {
      case 'm': op.kind = OP_MALLOC; nfields = 2; break;
      case 'c': op.kind = OP_CALLOC; nfields = 3; break;
      case 'r': op.kind = OP_REALLOC; nfields = 2; break;
      case 'f': op.kind = OP_FREE; nfields = 1; break;
      case 't': op.kind = OP_TRIM; nfields = 1; break;
      case 'T': op.kind = OP_THREAD; nfields = 1; break;
      case 'X': op.kind = OP_EXIT; nfields = 1; break;
      default: die_line(path, lineno, "unknown op", line, line_len);
    }
    uint64_t f[3] = {0, 0, 0};
    for (int i = 0; i < nfields; i++) {
      int rc = parse_u64(&q, eol, &f[i]);
      if (rc == -1) die_line(path, lineno, "missing field", line, line_len);
      if (rc == -2) die_line(path, lineno, "bad number", line, line_len);
      if (f[i] > MAX_NUMBER) die_line(path, lineno, "number too large (> 2^53 - 1)", line, line_len);
    }
    while (q < eol && is_space(*q)) q++;
    if (q != eol) die_line(path, lineno, "extra field", line, line_len);

    if (op.kind == OP_TRIM) {
      op.a = f[0];
    } else if (op.kind == OP_THREAD || op.kind == OP_EXIT) {
      if (f[0] > MAX_TID) die_line(path, lineno, "thread id too large (> 65535)", line, line_len);
      op.id = (uint32_t)f[0];
      if (op.kind == OP_THREAD) known[op.id] = 1;
      else if (op.id == 0) die_line(path, lineno, "the main thread cannot exit", line, line_len);
      else if (known[op.id] != 1) die_line(path, lineno, "exit of a thread that is not running", line, line_len);
      else known[op.id] = 2;
    } else {
      if (f[0] > MAX_ID) die_line(path, lineno, "id too large", line, line_len);
      op.id = (uint32_t)f[0];
      if (op.id > max_id) max_id = op.id;
      op.a = f[1];
      op.b = f[2];
    }
    if (op.kind == OP_MALLOC || op.kind == OP_CALLOC || op.kind == OP_REALLOC) n_results++;
    ops[n_ops++] = op;
  }

  R.ops = ops;
  R.table = map_anon(((size_t)max_id + 1) * sizeof(void *));
  R.results = map_anon((n_results + 1) * sizeof(struct result));
  R.touch = touch;
  R.show_brk = show_brk;
  /* --brk: (op index, break) for every op that moved the break. */
  R.brks = show_brk ? map_anon((n_ops + 1) * 2 * sizeof(uintptr_t)) : NULL;

  struct timespec t0, t1;
  if (timing) clock_gettime(CLOCK_MONOTONIC, &t0);

  /* The heap starts at the break as it is before the first malloc. */
  uintptr_t heap_start = (uintptr_t)sbrk(0);
  R.last_brk = heap_start;
  int tid = 0;
  size_t from = 0;
  for (size_t i = 0; i <= n_ops; i++) {
    if (i < n_ops && ops[i].kind != OP_THREAD && ops[i].kind != OP_EXIT) continue;
    /* ops [from, i) run on thread tid */
    if (i > from) {
      if (tid == 0) {
        run_ops(from, i);
      } else {
        seg_from = from;
        seg_to = i;
        hand_over(tid);
      }
    }
    from = i + 1;
    if (i == n_ops) break;
    int t = (int)ops[i].id;
    if (ops[i].kind == OP_THREAD) {
      if (t != 0 && !alive[t]) start_thread(t, path, ops[i].line);
      tid = t;
    } else {
      exit_requested = 1;
      hand_over(t);
      pthread_join(workers[t], NULL);
      alive[t] = 0;
      if (tid == t) tid = 0;
    }
  }

  if (timing) clock_gettime(CLOCK_MONOTONIC, &t1);

  struct mallinfo2 mi = mallinfo2();
  uintptr_t heap_end = (uintptr_t)sbrk(0);

  /* Format the output. Thread arenas are numbered in order of first appearance. */
  uintptr_t *arenas = map_anon((n_results + 1) * sizeof(uintptr_t));
  size_t n_arenas = 0;
  size_t out_cap = n_results * 48 + 1024;
  char *out = map_anon(out_cap);
  size_t o = 0;
  for (size_t i = 0; i < n_results; i++) {
    const struct result *r = &R.results[i];
    if (r->tag == 0) {
      o += put_str(out + o, "null\n");
      continue;
    }
    o += put_str(out + o, r->tag == 2 ? "mmap " : "heap ");
    if (r->tag == 3) {
      size_t a = 0;
      while (a < n_arenas && arenas[a] != r->arena) a++;
      if (a == n_arenas) arenas[n_arenas++] = r->arena;
      o += fmt_u64(out + o, a + 1);
      out[o++] = '.';
      o += fmt_u64(out + o, r->heap);
      out[o++] = ' ';
    }
    o += fmt_u64(out + o, r->tag == 1 ? r->value - heap_start : r->value);
    out[o++] = '\n';
  }
  const char *names[10] = {"arena",    "ordblks",  "smblks",   "hblks",    "hblkhd",
                           "uordblks", "fordblks", "fsmblks",  "keepcost", "heap_size"};
  uint64_t values[10] = {mi.arena,    mi.ordblks,  mi.smblks,   mi.hblks,    mi.hblkhd,
                         mi.uordblks, mi.fordblks, mi.fsmblks,  mi.keepcost, heap_end - heap_start};
  for (int i = 0; i < 10; i++) {
    o += put_str(out + o, names[i]);
    out[o++] = ' ';
    o += fmt_u64(out + o, values[i]);
    out[o++] = '\n';
  }
  char *extra = map_anon(n_arenas * 4096 + 16);
  size_t x = 0;
  uintptr_t *heaps = map_anon((n_arenas * 1024 + 1) * sizeof(uintptr_t));
  size_t n_heaps = 0;
  for (size_t a = 0; a < n_arenas; a++) {
    char *ms = (char *)arenas[a];
    uintptr_t top = *(uintptr_t *)(ms + MSTATE_TOP);
    struct heap_info *chain[1024];
    size_t n = 0;
    for (struct heap_info *h = (struct heap_info *)(top & ~(HEAP_MAX_SIZE - 1)); h != NULL && n < 1024; h = h->prev) chain[n++] = h;
    for (size_t k = 0; k < n; k++) heaps[n_heaps++] = (uintptr_t)chain[k];
    x += put_str(extra + x, "thread_arena ");
    x += fmt_u64(extra + x, a + 1);
    x += put_str(extra + x, " system_mem ");
    x += fmt_u64(extra + x, *(size_t *)(ms + MSTATE_SYSTEM_MEM));
    x += put_str(extra + x, " heaps ");
    for (size_t k = n; k-- > 0;) {
      x += fmt_u64(extra + x, chain[k]->size);
      if (k > 0) extra[x++] = ',';
    }
    extra[x++] = '\n';
  }
  write_all(1, out, o);
  write_all(1, extra, x);

  if (show_brk) {
    char *eb = map_anon(R.n_brks * 80 + 16);
    size_t e = 0;
    for (size_t i = 0; i < R.n_brks; i++) {
      e += put_str(eb + e, "brk ");
      e += fmt_u64(eb + e, ops[R.brks[2 * i]].line);
      eb[e++] = ' ';
      e += fmt_u64(eb + e, R.brks[2 * i]);
      eb[e++] = ' ';
      e += fmt_u64(eb + e, R.brks[2 * i + 1] - heap_start);
      eb[e++] = '\n';
    }
    write_all(2, eb, e);
  }

  if (show_rss) {
    size_t pages = (heap_end - heap_start + 4095) / 4096, resident = 0;
    if (pages > 0) {
      unsigned char *vec = map_anon(pages);
      if (mincore((void *)heap_start, pages * 4096, vec) == 0)
        for (size_t i = 0; i < pages; i++) resident += vec[i] & 1;
    }
    char buf[160];
    size_t n = put_str(buf, "heap_rss_pages ");
    n += fmt_u64(buf + n, resident);
    buf[n++] = '\n';
    n += put_str(buf + n, "heap_smaps_rss_pages ");
    n += fmt_u64(buf + n, heap_smaps_rss_kb() / 4);
    buf[n++] = '\n';

    n += put_str(buf + n, "thread_heaps_rss_pages ");
    n += fmt_u64(buf + n, smaps_rss_kb_at(heaps, n_heaps) / 4);
    buf[n++] = '\n';
    write_all(2, buf, n);
  }

  if (timing) {
    uint64_t ns = (uint64_t)(t1.tv_sec - t0.tv_sec) * 1000000000u + (uint64_t)t1.tv_nsec - (uint64_t)t0.tv_nsec;
    char buf[160];
    size_t n = 0;
    n += put_str(buf + n, "time_ns ");
    n += fmt_u64(buf + n, ns);
    n += put_str(buf + n, " ops ");
    n += fmt_u64(buf + n, n_ops);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    n += put_str(buf + n, " minflt ");
    n += fmt_u64(buf + n, (uint64_t)ru.ru_minflt);
    n += put_str(buf + n, " majflt ");
    n += fmt_u64(buf + n, (uint64_t)ru.ru_majflt);
    buf[n++] = '\n';
    write_all(2, buf, n);
  }
  /* Threads still running wait for a turn that never comes: end the process. */
  _exit(0);
}
