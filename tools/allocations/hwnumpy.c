/*
 * hwnumpy.c: the allocation recorder's hooks for NumPy (tools/allocations/record_numpy.py).
 *
 * One shared object that is both LD_PRELOADed into Debian's /usr/bin/python3 and imported by
 * it as the module `hwnumpy` (the dynamic linker hands the import the library it already
 * loaded). While tracing is on it logs, in one ordered stream:
 *   - CPython's PyObject_ and PyMem_ calls (the obj and mem domains, PyMem_SetAllocator):
 *       "m SIZE PTR" | "c NELEM ELSIZE PTR" | "r SIZE NEW OLD" | "f PTR"
 *   - every C-library call made OUTSIDE those hooks: NumPy's data buffers (default_malloc and
 *     default_calloc call malloc/calloc directly), PyArray_malloc (PyMem_RawMalloc, whose domain
 *     is left alone so it reaches malloc), the iterator buffers, libc's own:
 *       "L m SIZE PTR" | "L c NELEM ELSIZE PTR" | "L r SIZE NEW OLD" | "L f PTR"
 *     A C-library call made by pymalloc inside a hooked call (a request over 512 bytes) is part
 *     of that call and is not logged again.
 * The hooks never allocate: lines are formatted by hand into a static buffer that `stop` writes
 * out with write(2).
 *
 * Build (record_numpy.py does it): gcc -O2 -shared -fPIC -I<python include> hwnumpy.c -o hwnumpy.so
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

static char logbuf[64 << 20];
static size_t loglen = 0;
static int on = 0;
static __thread int depth = 0;
static char path[4096];

static void put(const char *s) {
    size_t n = strlen(s);
    if (loglen + n < sizeof logbuf) {
        memcpy(logbuf + loglen, s, n);
        loglen += n;
    }
}

static void putnum(unsigned long long v, int hex) {
    char tmp[32];
    int i = 0;
    if (v == 0) tmp[i++] = '0';
    while (v) {
        unsigned d = (unsigned)(hex ? v % 16 : v % 10);
        tmp[i++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v = hex ? v / 16 : v / 10;
    }
    char out[34];
    int j = 0;
    if (hex) {
        out[j++] = '0';
        out[j++] = 'x';
    }
    while (i) out[j++] = tmp[--i];
    out[j] = 0;
    put(out);
}

/* One line: prefix op a [b] ptrs... */
static void line(const char *prefix, const char *op, size_t a, size_t b, int nb, void *p, void *q, int nq) {
    put(prefix);
    put(op);
    put(" ");
    putnum(a, 0);
    if (nb) {
        put(" ");
        putnum(b, 0);
    }
    put(" ");
    putnum((unsigned long long)(uintptr_t)p, 1);
    if (nq) {
        put(" ");
        putnum((unsigned long long)(uintptr_t)q, 1);
    }
    put("\n");
}

/* ---- the C library, interposed ---- */
void *malloc(size_t n) {
    void *p = __libc_malloc(n);
    if (on && depth == 0) line("L ", "m", n, 0, 0, p, 0, 0);
    return p;
}
void *calloc(size_t a, size_t b) {
    void *p = __libc_calloc(a, b);
    if (on && depth == 0) line("L ", "c", a, b, 1, p, 0, 0);
    return p;
}
void *realloc(void *q, size_t n) {
    void *p = __libc_realloc(q, n);
    if (on && depth == 0) line("L ", "r", n, 0, 0, p, q, 1);
    return p;
}
void free(void *q) {
    if (on && depth == 0 && q) {
        put("L f ");
        putnum((unsigned long long)(uintptr_t)q, 1);
        put("\n");
    }
    __libc_free(q);
}
int posix_memalign(void **out, size_t align, size_t n) {
    void *p = __libc_memalign(align, n);
    if (!p) return 12;
    *out = p;
    if (on && depth == 0) line("L ", "a", n, align, 1, p, 0, 0);
    return 0;
}
void *aligned_alloc(size_t align, size_t n) {
    void *p = __libc_memalign(align, n);
    if (on && depth == 0) line("L ", "a", n, align, 1, p, 0, 0);
    return p;
}

/* ---- CPython's mem and obj domains ---- */
static PyMemAllocatorEx orig[3];
typedef struct {
    int dom;
} ctx_t;
static ctx_t ctxs[3] = {{0}, {1}, {2}};

static void *h_malloc(void *c, size_t n) {
    int d = ((ctx_t *)c)->dom;
    depth++;
    void *p = orig[d].malloc(orig[d].ctx, n);
    depth--;
    if (on && depth == 0) line("", "m", n, 0, 0, p, 0, 0);
    return p;
}
static void *h_calloc(void *c, size_t a, size_t b) {
    int d = ((ctx_t *)c)->dom;
    depth++;
    void *p = orig[d].calloc(orig[d].ctx, a, b);
    depth--;
    if (on && depth == 0) line("", "c", a, b, 1, p, 0, 0);
    return p;
}
static void *h_realloc(void *c, void *q, size_t n) {
    int d = ((ctx_t *)c)->dom;
    depth++;
    void *p = orig[d].realloc(orig[d].ctx, q, n);
    depth--;
    if (on && depth == 0) line("", "r", n, 0, 0, p, q, 1);
    return p;
}
static void h_free(void *c, void *q) {
    int d = ((ctx_t *)c)->dom;
    if (on && depth == 0 && q) {
        put("f ");
        putnum((unsigned long long)(uintptr_t)q, 1);
        put("\n");
    }
    depth++;
    orig[d].free(orig[d].ctx, q);
    depth--;
}

static PyObject *install(PyObject *s, PyObject *a) {
    const char *p;
    if (!PyArg_ParseTuple(a, "s", &p)) return NULL;
    strncpy(path, p, sizeof path - 1);
    for (int d = 1; d < 3; d++) {
        PyMemAllocatorEx h = {&ctxs[d], h_malloc, h_calloc, h_realloc, h_free};
        PyMem_GetAllocator((PyMemAllocatorDomain)d, &orig[d]);
        PyMem_SetAllocator((PyMemAllocatorDomain)d, &h);
    }
    Py_RETURN_NONE;
}
static PyObject *start(PyObject *s, PyObject *a) {
    loglen = 0;
    on = 1;
    Py_RETURN_NONE;
}
static PyObject *stop(PyObject *s, PyObject *a) {
    on = 0;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        size_t off = 0;
        while (off < loglen) {
            ssize_t w = write(fd, logbuf + off, loglen - off);
            if (w <= 0) break;
            off += (size_t)w;
        }
        close(fd);
    }
    Py_RETURN_NONE;
}
static PyMethodDef M[] = {{"install", install, METH_VARARGS, ""},
                          {"start", start, METH_NOARGS, ""},
                          {"stop", stop, METH_NOARGS, ""},
                          {0}};
static struct PyModuleDef D = {PyModuleDef_HEAD_INIT, "hwnumpy", 0, -1, M};
PyMODINIT_FUNC PyInit_hwnumpy(void) { return PyModule_Create(&D); }
