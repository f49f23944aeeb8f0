/*
 * alloc_replay.c: replay a Highwater allocation trace on a real allocator loaded with LD_PRELOAD
 * (jemalloc 5.3.0, mimalloc 2.0.9, or glibc when nothing is preloaded) and print, op by op, what the
 * simulator must reproduce: where each block landed, the allocator's system calls, and at checkpoints
 * its own statistics and the resident pages of its mappings.
 *
 * Build:  gcc -O2 -rdynamic -o .cache/alloc_replay tools/native/alloc_replay.c -ldl
 * Usage:  LD_PRELOAD=libjemalloc.so.2 MALLOC_CONF=... .cache/alloc_replay [--seg SHIFT] [--mapord]
 *         [--touch] [--maps] [--time] [--cost m=NS,c=NS,r=NS,f=NS] TRACE
 *         (--time: the op loop's CPU time on stderr, "cpu_ns N ops N")
 *
 * How it sees the allocator: this executable defines mmap, munmap, madvise, mprotect and clock_gettime
 * itself and exports them (-rdynamic), so the preloaded library's PLT calls bind here (the executable
 * comes first in the global lookup scope). The wrappers make the real system call and log it. The clock
 * is virtual: it starts at 1 s and advances only by each op's cost (--cost, default the model's) and by
 * `s NS` ops, so time-driven behaviour (jemalloc's decay, mimalloc's decommit delays) happens at the same
 * op in the real run and in the simulator, whatever the machine's load.
 *
 * Trace: the format of replay.c (m ID SIZE, c ID NMEMB SIZE, r ID SIZE, f ID, t PAD) plus
 *   s NS   sleep NS nanoseconds (the virtual clock only: nothing runs meanwhile)
 *   k      checkpoint: print the statistics now
 * `t` is the allocator's "give memory back": malloc_trim(PAD) (glibc), arena.<all>.purge (jemalloc),
 * mi_collect(true) (mimalloc).
 *
 * Output (stdout), one event a line, in the order they happened:
 *   gaptop HEX                the top of the process's big free gap (see find_gaptop)
 *   a OFF USABLE              an m/c/r result: OFF = address - gaptop (signed), or with --seg SHIFT
 *                             "a K OFF USABLE": K = ordinal of the 2^SHIFT-aligned frame (by first
 *                             appearance), OFF = offset in it; "null" for NULL
 *   mmap OFF LEN HINTED       (HINTED 1 when the allocator passed an address hint)
 *   munmap OFF LEN / dontneed OFF LEN / free OFF LEN (MADV_FREE) / mprotect OFF LEN PROT
 *   (with --seg, OFF of a system call is "K OFF" too; with --mapord every address is "K OFF", K the
 *   ordinal of the mmap call that made the mapping holding it, OFF the offset from that mmap's start:
 *   stable when the kernel reuses addresses or the allocator places mappings by hint)
 *   (with --maps, before rss_alloc: "map OFF LEN RESIDENT_PAGES" for each live mapping, by mincore)
 *   stats LABEL, then NAME VALUE lines: the allocator's counters and rss_alloc (resident bytes of every
 *   live mapping the allocator made: /proc/self/smaps Rss of the VMAs holding them)
 * Under jemalloc, "tsd PRNG TICK" follows the start-up events: the thread's prng state and decay ticker
 * read from jemalloc's TLS block (see main), which the simulator starts from.
 * Events before the first op are printed under "init". The program itself never calls malloc: its
 * buffers are anonymous mappings at a fixed low address, away from the allocator's; it looks up only
 * symbols that exist (a failed dlsym mallocs its error message).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAX_NUMBER ((1ull << 53) - 1)
#define MAX_ID 0x7fffffffull
/* Our own buffers live at 4 GiB and up: below the [heap] of a PIE, far from every allocator's mappings. */
#define OWN_BASE 0x100000000ull

enum { OP_MALLOC, OP_CALLOC, OP_REALLOC, OP_FREE, OP_TRIM, OP_SLEEP, OP_CHECK };

struct op {
  uint64_t a, b, line;
  uint32_t id, kind;
};

/* ---- raw system calls (never through libc's wrappers, which we override) ---- */
static void *sys_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

static uint64_t own_next = OWN_BASE;
static void *own_map(size_t len) {
  len = (len + 4095) & ~4095ull;
  void *p = sys_mmap((void *)own_next, len, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
  if (p == MAP_FAILED || (uint64_t)p != own_next) {
    static const char msg[] = "alloc_replay: cannot map own buffer\n";
    syscall(SYS_write, 2, msg, sizeof msg - 1);
    syscall(SYS_exit_group, 2);
  }
  own_next += len + (1ull << 30);
  return p;
}

__attribute__((noreturn)) static void die(const char *why, uint64_t line);

/* ---- output buffer ---- */
static char *out;
static size_t out_len, out_cap;
static void put(const char *s) {
  size_t n = strlen(s);
  if (out == NULL) {
    out_cap = 1ull << 34; /* 16 GiB of address space, MAP_NORESERVE: only what is written costs */
    out = own_map(out_cap);
  }
  memcpy(out + out_len, s, n);
  out_len += n;
}
static void put_u(uint64_t v) {
  char b[24];
  int i = 23;
  b[i] = 0;
  do {
    b[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  put(b + i);
}
static void put_i(int64_t v) {
  if (v < 0) {
    put("-");
    put_u((uint64_t)(-v));
  } else
    put_u((uint64_t)v);
}
static void put_hex(uint64_t v) {
  char b[20];
  int i = 19;
  b[i] = 0;
  do {
    b[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  put("0x");
  put(b + i);
}

/* ---- address canonicalisation ---- */
static uint64_t gaptop;      /* end of the allocator's first mmap */
static int seg_shift;        /* 0: offsets from gaptop; else frame ordinal + offset */
static uint64_t frames[1 << 16];
static uint32_t nframes;
/* ---- live mappings of the allocator (rss_alloc, --mapord) ---- */
struct map {
  uint64_t start, end, origin;
  uint32_t ordinal;
};
static struct map *maps;
static uint32_t nmaps;
static int logging; /* 0 until main has set up: init events are logged too, under "init" */
static uint32_t nmmaps; /* mmap calls so far: a new mapping's ordinal */
static void maps_put(uint64_t s, uint64_t e, uint64_t origin, uint32_t ordinal) {
  if (maps == NULL) maps = own_map(sizeof(struct map) << 20);
  maps[nmaps].start = s;
  maps[nmaps].end = e;
  maps[nmaps].origin = origin;
  maps[nmaps].ordinal = ordinal;
  nmaps++;
}
static void maps_add(uint64_t s, uint64_t e) { maps_put(s, e, s, nmmaps++); }
static int map_ordinals; /* --mapord: addresses as "K OFF", K = ordinal of the mmap that made the mapping */
static void put_addr(uint64_t a) {
  if (map_ordinals) {
    for (uint32_t i = 0; i < nmaps; i++)
      if (a >= maps[i].start && a < maps[i].end) {
        put_u(maps[i].ordinal);
        put(" ");
        put_u(a - maps[i].origin);
        return;
      }
    put("? ");
    put_hex(a);
    return;
  }
  if (seg_shift == 0) {
    put_i((int64_t)(a - gaptop));
    return;
  }
  uint64_t f = a >> seg_shift;
  uint32_t k;
  for (k = 0; k < nframes; k++)
    if (frames[k] == f) break;
  if (k == nframes && nframes < (1 << 16)) frames[nframes++] = f;
  put_u(k);
  put(" ");
  put_u(a & ((1ull << seg_shift) - 1));
}

/* ---- resident pages ---- */
static void maps_remove(uint64_t s, uint64_t e) {
  for (uint32_t i = 0; i < nmaps; i++) {
    struct map m = maps[i];
    if (m.end <= s || m.start >= e) continue;
    /* cut [s, e) out of m: up to two pieces remain */
    maps[i] = maps[--nmaps];
    if (m.start < s) maps_put(m.start, s, m.origin, m.ordinal);
    if (m.end > e) maps_put(e, m.end, m.origin, m.ordinal);
    i = (uint32_t)-1; /* rescan from the start: the array changed */
  }
}
static uint64_t parse_hex(const char **p);
static int show_maps; /* --maps: resident pages of each live mapping at every statistics point */
static void put_addr(uint64_t a);
static void mincore_maps(void) {
  static unsigned char *vec;
  if (vec == NULL) vec = own_map(1ull << 28); /* mincore vector for up to 1 TiB at once */
  uint64_t pages = 0;
  for (uint32_t i = 0; i < nmaps; i++) {
    uint64_t len = maps[i].end - maps[i].start;
    if (syscall(SYS_mincore, maps[i].start, len, vec) != 0) continue;
    uint64_t here = 0;
    for (uint64_t j = 0; j < len >> 12; j++) here += vec[j] & 1;
    pages += here;
    if (show_maps) {
      put("map ");
      put_addr(maps[i].start);
      put(" ");
      put_u(len);
      put(" ");
      put_u(here);
      put("\n");
    }
  }
  (void)pages;
}

/*
 * Resident bytes of the allocator's mappings as the kernel counts RSS: the "Rss:" of every VMA in
 * /proc/self/smaps that overlaps one of them. (mincore would also count pages only read, which map
 * the shared zero page: memcpy from a block's unwritten tail does that, and RSS does not count it.)
 */
static uint64_t rss_alloc(void) {
  static char *buf;
  if (buf == NULL) buf = own_map(1ull << 26);
  if (show_maps) mincore_maps();
  int fd = (int)syscall(SYS_open, "/proc/self/smaps", O_RDONLY);
  size_t n = 0;
  for (;;) {
    ssize_t r = (ssize_t)syscall(SYS_read, fd, buf + n, (1ull << 26) - 1 - n);
    if (r <= 0) break;
    n += (size_t)r;
  }
  syscall(SYS_close, fd);
  uint64_t total = 0;
  int ours = 0;
  const char *p = buf, *end = buf + n;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')) {
      const char *q = p;
      uint64_t s = parse_hex(&q);
      q++;
      uint64_t e = parse_hex(&q);
      ours = 0;
      for (uint32_t i = 0; i < nmaps; i++)
        if (maps[i].start < e && s < maps[i].end) ours = 1;
    } else if (ours && eol - p > 4 && memcmp(p, "Rss:", 4) == 0) {
      const char *q = p + 4;
      while (q < eol && (*q == ' ' || *q == '\t')) q++;
      uint64_t kb = 0;
      while (q < eol && *q >= '0' && *q <= '9') kb = kb * 10 + (uint64_t)(*q++ - '0');
      total += kb * 1024;
    }
    p = eol + 1;
  }
  return total;
}

/* ---- the interposed calls ---- */
/*
 * The top of the process's big free gap, from /proc/self/maps before the allocator's first mapping: the
 * start of the mapping right above the widest gap below the stack (the shared libraries). The kernel
 * places mmaps top-down from there (vm_unmapped_area); the simulator's mmap_base is this address. A
 * mapping of a page or two may land in a small hole between the libraries instead: that is outside
 * what the simulator models, and jemalloc only does it for its madvise probes, unmapped at once.
 */
static uint64_t parse_hex(const char **p) {
  uint64_t v = 0;
  for (;;) {
    char c = **p;
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return v;
    v = v * 16 + (uint64_t)d;
    (*p)++;
  }
}
static int loaded_je, loaded_mi; /* which allocator /proc/self/maps shows */
static int contains(const char *p, const char *end, const char *needle) {
  size_t n = strlen(needle);
  for (; p + n <= end && *p != '\n'; p++)
    if (memcmp(p, needle, n) == 0) return 1;
  return 0;
}
static void find_gaptop(void) {
  char *buf = own_map(1 << 20);
  int fd = (int)syscall(SYS_open, "/proc/self/maps", O_RDONLY);
  size_t n = 0;
  for (;;) {
    ssize_t r = (ssize_t)syscall(SYS_read, fd, buf + n, (1 << 20) - 1 - n);
    if (r <= 0) break;
    n += (size_t)r;
  }
  syscall(SYS_close, fd);
  uint64_t prev_end = 0, best = 0;
  const char *p = buf, *end = buf + n;
  while (p < end) {
    uint64_t s = parse_hex(&p);
    p++;
    uint64_t e = parse_hex(&p);
    if (prev_end && s - prev_end > best && s > 0x600000000000ull && s < 0x800000000000ull) {
      best = s - prev_end;
      gaptop = s;
    }
    prev_end = e;
    loaded_je |= contains(p, end, "libjemalloc");
    loaded_mi |= contains(p, end, "libmimalloc");
    while (p < end && *p != '\n') p++;
    p++;
  }
  if (gaptop == 0) die("cannot find the mmap gap in /proc/self/maps", 0);
}
static void started(void) { /* the first event of the process: header */
  if (!logging) {
    logging = 1;
    find_gaptop();
    put("init\n");
    put("gaptop ");
    put_hex(gaptop);
    put("\n");
  }
}
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  void *p = sys_mmap(addr, len, prot, flags, fd, off);
  if (p == MAP_FAILED || fd != -1) return p;
  started();
  maps_add((uint64_t)p, (uint64_t)p + ((len + 4095) & ~4095ull));
  put("mmap ");
  put_addr((uint64_t)p);
  put(" ");
  put_u(len);
  put(addr ? " 1\n" : " 0\n");
  return p;
}
void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t off) __attribute__((alias("mmap")));
int munmap(void *addr, size_t len) {
  int r = (int)syscall(SYS_munmap, addr, len);
  started();
  put("munmap ");
  put_addr((uint64_t)addr);
  put(" ");
  put_u(len);
  put("\n");
  maps_remove((uint64_t)addr, (uint64_t)addr + ((len + 4095) & ~4095ull));
  return r;
}
int madvise(void *addr, size_t len, int advice) {
  int r = (int)syscall(SYS_madvise, addr, len, advice);
  started();
  if (advice == MADV_DONTNEED)
    put("dontneed ");
  else if (advice == MADV_FREE)
    put("free ");
  else {
    put("madvise");
    put_u((uint64_t)advice);
    put(" ");
  }
  put_addr((uint64_t)addr);
  put(" ");
  put_u(len);
  put("\n");
  return r;
}
int mprotect(void *addr, size_t len, int prot) {
  int r = (int)syscall(SYS_mprotect, addr, len, prot);
  started();
  put("mprotect ");
  put_addr((uint64_t)addr);
  put(" ");
  put_u(len);
  put(" ");
  put_u((uint64_t)prot);
  put("\n");
  return r;
}

/* The virtual clock: 1 s at start, advanced by op costs and sleeps. */
static uint64_t now_ns = 1000000000ull;
int clock_gettime(clockid_t clk, struct timespec *ts) {
  (void)clk;
  ts->tv_sec = (time_t)(now_ns / 1000000000ull);
  ts->tv_nsec = (long)(now_ns % 1000000000ull);
  return 0;
}

/* ---- the allocator's own statistics, found with dlsym (we link against none of them) ---- */
typedef int (*mallctl_fn)(const char *, void *, size_t *, void *, size_t);
typedef void (*mi_info_fn)(size_t *, size_t *, size_t *, size_t *, size_t *, size_t *, size_t *, size_t *);
typedef void (*mi_collect_fn)(int);
typedef int (*trim_fn)(size_t);
typedef size_t (*usable_fn)(void *);
static mallctl_fn je_mallctl;
static mi_info_fn mi_info;
static mi_collect_fn mi_collect;
static trim_fn glibc_trim;
static usable_fn usable;

static void stat_line(const char *name, uint64_t v) {
  put(name);
  put(" ");
  put_u(v);
  put("\n");
}
static void print_stats(const char *label) {
  put("stats ");
  put(label);
  put("\n");
  if (je_mallctl) {
    uint64_t epoch = 1;
    size_t sz = sizeof epoch;
    je_mallctl("epoch", &epoch, &sz, &epoch, sz);
    static const char *names[] = {"stats.allocated", "stats.active", "stats.resident", "stats.mapped",
                                  "stats.retained", "stats.metadata"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
      size_t v = 0;
      sz = sizeof v;
      je_mallctl(names[i], &v, &sz, NULL, 0);
      stat_line(names[i] + 6, v);
    }
    /* all arenas merged (MALLCTL_ARENAS_ALL = 4096): pages active, dirty, muzzy; base and internal metadata */
    static const char *arena[] = {"stats.arenas.4096.pactive", "stats.arenas.4096.pdirty", "stats.arenas.4096.pmuzzy",
                                  "stats.arenas.4096.base", "stats.arenas.4096.internal"};
    for (unsigned i = 0; i < sizeof arena / sizeof arena[0]; i++) {
      size_t v = 0;
      sz = sizeof v;
      je_mallctl(arena[i], &v, &sz, NULL, 0);
      stat_line(arena[i] + 18, v);
    }
  }
  if (mi_info) {
    size_t elapsed, user, sys, rss, peak_rss, commit, peak_commit, faults;
    mi_info(&elapsed, &user, &sys, &rss, &peak_rss, &commit, &peak_commit, &faults);
    stat_line("current_commit", commit);
    stat_line("peak_commit", peak_commit);
  }
  stat_line("rss_alloc", rss_alloc());
}

static int find_jemalloc_tls(struct dl_phdr_info *info, size_t size, void *out) {
  (void)size;
  if (info->dlpi_name && strstr(info->dlpi_name, "libjemalloc") && info->dlpi_tls_data) {
    *(void **)out = info->dlpi_tls_data;
    return 1;
  }
  return 0;
}

/* ---- trace parsing (same rules as replay.c) ---- */
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
static int parse_u64(const char **pp, const char *end, uint64_t *v) {
  const char *p = *pp;
  while (p < end && is_space(*p)) p++;
  if (p >= end || *p < '0' || *p > '9') return 0;
  uint64_t x = 0;
  while (p < end && *p >= '0' && *p <= '9') {
    x = x * 10 + (uint64_t)(*p - '0');
    if (x > MAX_NUMBER) return 0;
    p++;
  }
  *pp = p;
  *v = x;
  return 1;
}
__attribute__((noreturn)) static void die(const char *why, uint64_t line) {
  char b[256];
  size_t n = 0;
  const char *pre = "alloc_replay: ";
  memcpy(b, pre, strlen(pre));
  n = strlen(pre);
  size_t w = strlen(why);
  if (w > 200) w = 200;
  memcpy(b + n, why, w);
  n += w;
  if (line) {
    const char *l = " at line ";
    memcpy(b + n, l, strlen(l));
    n += strlen(l);
    char d[24];
    int i = 23;
    do {
      d[--i] = (char)('0' + line % 10);
      line /= 10;
    } while (line);
    memcpy(b + n, d + i, (size_t)(23 - i));
    n += (size_t)(23 - i);
  }
  b[n++] = '\n';
  syscall(SYS_write, 2, b, n);
  syscall(SYS_exit_group, 2);
  __builtin_unreachable();
}

static size_t load(const char *path, struct op **ops_out) {
  int fd = (int)syscall(SYS_open, path, O_RDONLY);
  if (fd < 0) die("cannot open trace", 0);
  off_t size = lseek(fd, 0, SEEK_END);
  lseek(fd, 0, SEEK_SET);
  char *text = own_map((size_t)size + 1);
  size_t got = 0;
  while (got < (size_t)size) {
    ssize_t r = (ssize_t)syscall(SYS_read, fd, text + got, (size_t)size - got);
    if (r <= 0) die("cannot read trace", 0);
    got += (size_t)r;
  }
  syscall(SYS_close, fd);
  size_t nlines = 1;
  for (size_t i = 0; i < got; i++) nlines += text[i] == '\n';
  struct op *ops = own_map(nlines * sizeof(struct op));
  size_t n = 0;
  const char *p = text, *end = text + got;
  uint64_t line = 0;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    line++;
    const char *q = p;
    while (q < eol && is_space(*q)) q++;
    if (q < eol && *q != '#') {
      struct op o = {0};
      o.line = line;
      char c = *q++;
      uint64_t id = 0;
      int ok = 1;
      switch (c) {
      case 'm': o.kind = OP_MALLOC; ok = parse_u64(&q, eol, &id) && parse_u64(&q, eol, &o.a); break;
      case 'c': o.kind = OP_CALLOC; ok = parse_u64(&q, eol, &id) && parse_u64(&q, eol, &o.a) && parse_u64(&q, eol, &o.b); break;
      case 'r': o.kind = OP_REALLOC; ok = parse_u64(&q, eol, &id) && parse_u64(&q, eol, &o.a); break;
      case 'f': o.kind = OP_FREE; ok = parse_u64(&q, eol, &id); break;
      case 't': o.kind = OP_TRIM; ok = parse_u64(&q, eol, &o.a); break;
      case 's': o.kind = OP_SLEEP; ok = parse_u64(&q, eol, &o.a); break;
      case 'k': o.kind = OP_CHECK; break;
      default: die("unknown op", line);
      }
      while (q < eol && is_space(*q)) q++;
      if (!ok || q != eol || id > MAX_ID) die("malformed op", line);
      o.id = (uint32_t)id;
      ops[n++] = o;
    }
    p = eol + 1;
  }
  *ops_out = ops;
  return n;
}

static uint64_t cost[4] = {0, 0, 0, 0}; /* m c r f */
static void parse_costs(const char *s) {
  while (*s) {
    char k = *s;
    if (s[1] != '=') die("bad --cost", 0);
    s += 2;
    uint64_t v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
    int i = k == 'm' ? 0 : k == 'c' ? 1 : k == 'r' ? 2 : k == 'f' ? 3 : -1;
    if (i < 0) die("bad --cost key", 0);
    cost[i] = v;
    if (*s == ',') s++;
  }
}

int main(int argc, char **argv) {
  int touch = 0, timing = 0;
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--seg") == 0 && i + 1 < argc) seg_shift = atoi(argv[++i]);
    else if (strcmp(argv[i], "--touch") == 0) touch = 1;
    else if (strcmp(argv[i], "--maps") == 0) show_maps = 1;
    else if (strcmp(argv[i], "--mapord") == 0) map_ordinals = 1;
    else if (strcmp(argv[i], "--time") == 0) timing = 1;
    else if (strcmp(argv[i], "--cost") == 0 && i + 1 < argc) parse_costs(argv[++i]);
    else path = argv[i];
  }
  if (!path) die("usage: alloc_replay [--seg SHIFT] [--touch] [--cost m=NS,...] TRACE", 0);
  struct op *ops;
  size_t n = load(path, &ops);
  void **ptr = own_map((MAX_ID + 1) * sizeof(void *) > (1ull << 34) ? (1ull << 34) : (MAX_ID + 1) * sizeof(void *));
  /* Only names that exist: a failed dlsym mallocs its error message, which would add calls to the trace. */
  started();
  if (loaded_je) je_mallctl = (mallctl_fn)dlsym(RTLD_DEFAULT, "mallctl");
  if (loaded_je) {
    /*
     * jemalloc's thread state (tsd_t) is its TLS block (offset 0). Two of its fields decide what is
     * random in a run: the prng (tsd prng_state, seeded with the tsd's address, so with ASLR) that
     * draws large blocks' cache-line offsets and the decay ticker's intervals, and the ticker itself
     * (ticker_geom_t {tick, nticks = 1000}). Found on Debian's 5.3.0 build: prng_state at byte 112,
     * the ticker at byte 152 (a probe matched the state to the LCG run from the block's address).
     * Printed so the simulator can start from the same values.
     */
    void *tls = NULL;
    dl_iterate_phdr(find_jemalloc_tls, &tls); /* dlopen/dlinfo would malloc: this does not */
    if (tls) {
      uint64_t state = *(uint64_t *)((char *)tls + 112);
      int32_t *ticker = (int32_t *)((char *)tls + 152);
      uint64_t s = (uint64_t)tls;
      int k;
      for (k = 0; k < 1000 && s != state; k++) s = s * 6364136223846793005ull + 1442695040888963407ull;
      if (s == state && ticker[1] == 1000) {
        put("tsd ");
        put_u(state);
        put(" ");
        put_u((uint64_t)ticker[0]);
        put("\n");
      }
    }
  }
  if (loaded_mi) {
    mi_info = (mi_info_fn)dlsym(RTLD_DEFAULT, "mi_process_info");
    mi_collect = (mi_collect_fn)dlsym(RTLD_DEFAULT, "mi_collect");
  }
  if (!loaded_je && !loaded_mi) glibc_trim = (trim_fn)dlsym(RTLD_DEFAULT, "malloc_trim");
  usable = (usable_fn)dlsym(RTLD_DEFAULT, "malloc_usable_size");
  print_stats("start");
  struct timespec t0, t1;
  syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (size_t i = 0; i < n; i++) {
    struct op *o = &ops[i];
    void *r = NULL;
    int has_result = 1;
    switch (o->kind) {
    case OP_MALLOC:
      now_ns += cost[0];
      r = malloc(o->a);
      if (touch && r) memset(r, 1, o->a);
      break;
    case OP_CALLOC:
      now_ns += cost[1];
      r = calloc(o->a, o->b);
      break;
    case OP_REALLOC:
      now_ns += cost[2];
      r = realloc(ptr[o->id], o->a);
      if (touch && r) memset(r, 1, o->a);
      break;
    case OP_FREE:
      now_ns += cost[3];
      free(ptr[o->id]);
      ptr[o->id] = NULL;
      has_result = 0;
      break;
    case OP_TRIM:
      has_result = 0;
      if (je_mallctl) je_mallctl("arena.4096.purge", NULL, NULL, NULL, 0); /* MALLCTL_ARENAS_ALL */
      else if (mi_collect) mi_collect(1);
      else if (glibc_trim) glibc_trim(o->a);
      print_stats("trim");
      break;
    case OP_SLEEP:
      has_result = 0;
      now_ns += o->a;
      break;
    case OP_CHECK:
      has_result = 0;
      print_stats("check");
      break;
    }
    if (!has_result) continue;
    ptr[o->id] = r;
    if (!r) {
      put("null\n");
      continue;
    }
    put("a ");
    put_addr((uint64_t)r);
    put(" ");
    put_u(usable ? usable(r) : 0);
    put("\n");
  }
  syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &t1);
  if (timing) {
    /* CPU time of the op loop (statistics included), on stderr: "cpu_ns N ops N" */
    uint64_t ns = (uint64_t)(t1.tv_sec - t0.tv_sec) * 1000000000ull + (uint64_t)t1.tv_nsec - (uint64_t)t0.tv_nsec;
    char b[96];
    size_t k = 0;
    const char *a = "cpu_ns ";
    memcpy(b, a, 7);
    k = 7;
    char d[24];
    int j = 23;
    d[j] = 0;
    do { d[--j] = (char)('0' + ns % 10); ns /= 10; } while (ns);
    memcpy(b + k, d + j, (size_t)(23 - j));
    k += (size_t)(23 - j);
    memcpy(b + k, " ops ", 5);
    k += 5;
    uint64_t nn = n;
    j = 23;
    do { d[--j] = (char)('0' + nn % 10); nn /= 10; } while (nn);
    memcpy(b + k, d + j, (size_t)(23 - j));
    k += (size_t)(23 - j);
    b[k++] = '\n';
    syscall(SYS_write, 2, b, k);
  }
  print_stats("end");
  size_t done = 0;
  while (done < out_len) {
    ssize_t w = (ssize_t)syscall(SYS_write, 1, out + done, out_len - done);
    if (w <= 0) return 3;
    done += (size_t)w;
  }
  return 0;
}
