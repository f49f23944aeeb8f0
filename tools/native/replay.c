/*
 * replay.c: replay a Highwater allocation trace on the machine's real glibc
 * malloc and print where every block landed, plus mallinfo2() at the end.
 *
 * Build:  gcc -O2 -o .cache/replay tools/native/replay.c
 * Usage:  .cache/replay [--time] TRACE
 *         GLIBC_TUNABLES=glibc.malloc.tcache_count=0 .cache/replay TRACE
 *
 * Trace (one op a line; blank lines and lines starting with '#' are ignored):
 *   m ID SIZE          ptr[ID] = malloc(SIZE)
 *   c ID NMEMB SIZE    ptr[ID] = calloc(NMEMB, SIZE)
 *   r ID SIZE          ptr[ID] = realloc(ptr[ID], SIZE)
 *   f ID               free(ptr[ID]); ptr[ID] = NULL
 *   t PAD              malloc_trim(PAD)
 * An id that was never set (or was freed) holds NULL. Numbers must be at
 * most 2^53 - 1 and ids at most 2^31 - 1 (as in the simulator's parser).
 *
 * Output: for each m/c/r op one line, "heap OFFSET" (user pointer minus the
 * break taken before the first malloc), "mmap SIZE" (chunk size of an
 * mmapped chunk, flag bits cleared) or "null"; then "NAME VALUE" for arena,
 * ordblks, smblks, hblks, hblkhd, uordblks, fordblks, fsmblks, keepcost and
 * heap_size (final break minus heap start).
 *
 * The program must not disturb the heap it measures: no stdio, no malloc of
 * its own. Every buffer is an anonymous mmap, numbers are formatted by hand,
 * and output goes out with write(2) once all ops have run.
 *
 * Diagnostic flags (stdout stays exactly the same; extra lines go to stderr):
 *   --time   nanoseconds spent in the op loop (parsing and formatting
 *            excluded): "time_ns N ops N"
 *   --brk    every change of the break: "brk LINE OP_INDEX HEAP_SIZE"
 *            (LINE is the trace line of the op that moved it)
 *   --touch  write every byte of every block returned (so pages become
 *            resident as in a real program; combine with --rss)
 *   --rss    resident pages of [heap start, break) at the end, via mincore:
 *            "heap_rss_pages N" (pages only read count too: the zero page), and the
 *            [heap]'s Rss from /proc/self/smaps: "heap_smaps_rss_pages N" (as RSS counts)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Limits shared with the simulator's parser (src/engine/glibc/trace.ts):
   every number must be a safe JavaScript integer, every id fit in an int32. */
#define MAX_NUMBER ((1ull << 53) - 1)
#define MAX_ID 0x7fffffffull

enum { OP_MALLOC, OP_CALLOC, OP_REALLOC, OP_FREE, OP_TRIM };

struct op {
  uint64_t a; /* SIZE, NMEMB or PAD */
  uint64_t b; /* calloc SIZE */
  uint64_t line;
  uint32_t id;
  uint32_t kind;
};

/* A result: tag 0 = null, 1 = heap offset, 2 = mmapped chunk size. */
struct result {
  uint64_t value;
  uint64_t tag;
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
  void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
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

  void **table = map_anon(((size_t)max_id + 1) * sizeof(void *));
  struct result *results = map_anon((n_results + 1) * sizeof(struct result));
  /* --brk: (op index, break) for every op that moved the break. */
  uintptr_t *brks = show_brk ? map_anon((n_ops + 1) * 2 * sizeof(uintptr_t)) : NULL;
  size_t n_brks = 0;

  struct timespec t0, t1;
  if (timing) clock_gettime(CLOCK_MONOTONIC, &t0);

  /* The heap starts at the break as it is before the first malloc. */
  uintptr_t heap_start = (uintptr_t)sbrk(0);
  uintptr_t last_brk = heap_start;
  size_t ri = 0;
  for (size_t i = 0; i < n_ops; i++) {
    const struct op *o = &ops[i];
    void *res;
    switch (o->kind) {
      case OP_MALLOC:
        res = malloc(o->a);
        break;
      case OP_CALLOC:
        res = calloc(o->a, o->b);
        break;
      case OP_REALLOC:
        res = realloc(table[o->id], o->a);
        break;
      case OP_FREE:
        free(table[o->id]);
        table[o->id] = NULL;
        res = NULL;
        break;
      default: /* OP_TRIM */
        malloc_trim(o->a);
        res = NULL;
        break;
    }
    if (show_brk) {
      uintptr_t b = (uintptr_t)sbrk(0); /* cached by glibc: no syscall */
      if (b != last_brk) {
        brks[2 * n_brks] = i;
        brks[2 * n_brks + 1] = b;
        n_brks++;
        last_brk = b;
      }
    }
    if (o->kind == OP_FREE || o->kind == OP_TRIM) continue;
    table[o->id] = res;
    if (touch && res != NULL) memset(res, 0xa5, malloc_usable_size(res));
    struct result *r = &results[ri++];
    if (res == NULL) {
      r->tag = 0;
      r->value = 0;
    } else {
      size_t sz = *(const size_t *)((uintptr_t)res - sizeof(size_t)); /* chunk size field */
      if (sz & 2) {
        r->tag = 2;
        r->value = sz & ~(size_t)7;
      } else {
        r->tag = 1;
        r->value = (uintptr_t)res - heap_start;
      }
    }
  }

  if (timing) clock_gettime(CLOCK_MONOTONIC, &t1);

  struct mallinfo2 mi = mallinfo2();
  uintptr_t heap_end = (uintptr_t)sbrk(0);

  /* Format the output. */
  size_t out_cap = n_results * 32 + 1024;
  char *out = map_anon(out_cap);
  size_t o = 0;
  for (size_t i = 0; i < n_results; i++) {
    const struct result *r = &results[i];
    if (r->tag == 0) {
      o += put_str(out + o, "null\n");
      continue;
    }
    o += put_str(out + o, r->tag == 1 ? "heap " : "mmap ");
    o += fmt_u64(out + o, r->value);
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
  write_all(1, out, o);

  if (show_brk) {
    char *eb = map_anon(n_brks * 80 + 16);
    size_t e = 0;
    for (size_t i = 0; i < n_brks; i++) {
      e += put_str(eb + e, "brk ");
      e += fmt_u64(eb + e, ops[brks[2 * i]].line);
      eb[e++] = ' ';
      e += fmt_u64(eb + e, brks[2 * i]);
      eb[e++] = ' ';
      e += fmt_u64(eb + e, brks[2 * i + 1] - heap_start);
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
    char buf[96];
    size_t n = put_str(buf, "heap_rss_pages ");
    n += fmt_u64(buf + n, resident);
    buf[n++] = '\n';
    n += put_str(buf + n, "heap_smaps_rss_pages ");
    n += fmt_u64(buf + n, heap_smaps_rss_kb() / 4);
    buf[n++] = '\n';
    write_all(2, buf, n);
  }

  if (timing) {
    uint64_t ns = (uint64_t)(t1.tv_sec - t0.tv_sec) * 1000000000u + (uint64_t)t1.tv_nsec - (uint64_t)t0.tv_nsec;
    char buf[96];
    size_t n = 0;
    n += put_str(buf + n, "time_ns ");
    n += fmt_u64(buf + n, ns);
    n += put_str(buf + n, " ops ");
    n += fmt_u64(buf + n, n_ops);
    buf[n++] = '\n';
    write_all(2, buf, n);
  }
  return 0;
}
