/*
 * hwpm.c: a CPython extension that hooks the PyMem ("mem") and PyObject ("obj") allocator domains
 * (PyMem_SetAllocator) and writes one record before and one after each call into the log of the
 * LD_PRELOAD shim (tools/native/alloc_shim.c), so the log interleaves pymalloc-level calls with
 * the C-library calls pymalloc makes for them (nested between the two records) and with those
 * made by anyone else (outside any pair). tools/imports/capture_import.py reads it.
 *
 *   hwpm_install(log_path), through ctypes.PyDLL (imports nothing), or the module's install(log_path):
 *   find the shim's log mapping (by its path in /proc/self/maps) and hook.
 *
 * Records (64 bytes, the shim's layout; op numbers the shim does not use):
 *   16 PM_BEGIN  a = kind | domain << 8 (kind 1 malloc, 2 calloc, 3 realloc, 4 free)
 *                b = size (nelem for calloc), c = elsize (calloc) or the old pointer,
 *                hdr = the old block's pymalloc size class + 1, read from its pool header when
 *                      the old pointer lies in a pymalloc pool (else 0), old = its arena index
 *   17 PM_END    a = kind | domain << 8, ret = the result
 * Nothing here allocates: the records go straight into the shared mapping; the pool header is
 * read with process_vm_readv, so an address outside any mapping is harmless.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

struct rec {
  uint32_t op, tid;
  uint64_t a, b, c, ret, hdr, old, caller;
};
#define HEADER_BYTES 32768 /* alloc_shim.c's header (256 marks) */
#define POOL_SIZE (16 * 1024)

static PyMemAllocatorEx orig[3];
static char *g_log;
static struct rec *g_recs;
static uint64_t g_cap;

static int in_pool(void *p, uint32_t *szidx, uint32_t *arenaindex) {
  /* struct pool_header: ref(8) freeblock(8) nextpool(8) prevpool(8) arenaindex(4) szidx(4) ... */
  uintptr_t pool = (uintptr_t)p & ~(uintptr_t)(POOL_SIZE - 1);
  uint32_t v[2];
  struct iovec local = {v, sizeof v}, remote = {(void *)(pool + 32), sizeof v};
  if (process_vm_readv(getpid(), &local, 1, &remote, 1, 0) != (ssize_t)sizeof v) return 0;
  *arenaindex = v[0];
  *szidx = v[1];
  return v[1] < 32;
}

static void rec(uint32_t op, uint64_t a, uint64_t b, uint64_t c, uint64_t ret, uint64_t hdr, uint64_t old) {
  if (!g_log) return;
  uint64_t i = __atomic_fetch_add((uint64_t *)(g_log + 8), 1, __ATOMIC_RELAXED);
  if (i >= g_cap) return;
  struct rec *r = &g_recs[i];
  r->tid = 0;
  r->a = a;
  r->b = b;
  r->c = c;
  r->ret = ret;
  r->hdr = hdr;
  r->old = old;
  r->caller = 0;
  __atomic_store_n(&r->op, op, __ATOMIC_RELEASE);
}

static void begin(int d, int kind, uint64_t b, uint64_t c, void *old) {
  uint32_t szidx = 0, arena = 0;
  uint64_t cls = 0;
  if (old && in_pool(old, &szidx, &arena)) cls = szidx + 1;
  rec(16, (uint64_t)kind | (uint64_t)d << 8, b, c, 0, cls, arena);
}
static void end(int d, int kind, void *p) { rec(17, (uint64_t)kind | (uint64_t)d << 8, 0, 0, (uint64_t)p, 0, 0); }

typedef struct { int dom; } ctx_t;
static ctx_t ctxs[3] = {{0}, {1}, {2}};
static void *h_malloc(void *c, size_t n) {
  int d = ((ctx_t *)c)->dom;
  begin(d, 1, n, 0, NULL);
  void *p = orig[d].malloc(orig[d].ctx, n);
  end(d, 1, p);
  return p;
}
static void *h_calloc(void *c, size_t a, size_t b) {
  int d = ((ctx_t *)c)->dom;
  begin(d, 2, a, b, NULL);
  void *p = orig[d].calloc(orig[d].ctx, a, b);
  end(d, 2, p);
  return p;
}
static void *h_realloc(void *c, void *q, size_t n) {
  int d = ((ctx_t *)c)->dom;
  begin(d, 3, n, (uint64_t)q, q);
  void *p = orig[d].realloc(orig[d].ctx, q, n);
  end(d, 3, p);
  return p;
}
static void h_free(void *c, void *q) {
  int d = ((ctx_t *)c)->dom;
  if (!q) {
    orig[d].free(orig[d].ctx, q);
    return;
  }
  begin(d, 4, 0, (uint64_t)q, q);
  orig[d].free(orig[d].ctx, q);
  end(d, 4, NULL);
}

/* Hook, writing into the shim log mapped from `path`: 0, or -1 when it is not mapped. Called through
 * ctypes.PyDLL (the GIL held) so that installing the hook imports nothing. */
int hwpm_install(const char *path) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[4608];
  unsigned long lo = 0, hi = 0;
  while (f && fgets(line, sizeof line, f)) {
    char *p = strchr(line, '/');
    if (!p) continue;
    p[strcspn(p, "\n")] = 0;
    if (strcmp(p, path) == 0) {
      sscanf(line, "%lx-%lx", &lo, &hi);
      break;
    }
  }
  if (f) fclose(f);
  if (!lo || memcmp((char *)lo, "HWSHIM01", 8) != 0) return -1;
  g_log = (char *)lo;
  g_recs = (struct rec *)(g_log + HEADER_BYTES);
  g_cap = ((uint64_t *)g_log)[2];
  for (int d = 1; d < 3; d++) {
    PyMemAllocatorEx h = {&ctxs[d], h_malloc, h_calloc, h_realloc, h_free};
    PyMem_GetAllocator((PyMemAllocatorDomain)d, &orig[d]);
    PyMem_SetAllocator((PyMemAllocatorDomain)d, &h);
  }
  return 0;
}

static PyObject *install(PyObject *s, PyObject *a) {
  const char *path;
  if (!PyArg_ParseTuple(a, "s", &path)) return NULL;
  if (hwpm_install(path) != 0) {
    PyErr_SetString(PyExc_RuntimeError, "hwpm: the shim's log is not mapped");
    return NULL;
  }
  Py_RETURN_NONE;
}

static PyMethodDef M[] = {{"install", install, METH_VARARGS, ""}, {0}};
static struct PyModuleDef D = {PyModuleDef_HEAD_INIT, "hwpm", 0, -1, M};
PyMODINIT_FUNC PyInit_hwpm(void) { return PyModule_Create(&D); }
