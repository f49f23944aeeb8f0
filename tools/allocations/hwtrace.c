#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
/* Logs PyMem/PyObject (and optionally Raw) calls: domain op size ptr [oldptr] */
static PyMemAllocatorEx orig[3];
static int on = 0;
static FILE *out = NULL;
typedef struct { int dom; } ctx_t;
static ctx_t ctxs[3] = {{0},{1},{2}};
static const char *dn[3] = {"raw","mem","obj"};
static void *h_malloc(void *c, size_t n){ int d=((ctx_t*)c)->dom; void *p=orig[d].malloc(orig[d].ctx,n); if(on&&out) fprintf(out,"%s m %zu %p\n",dn[d],n,p); return p;}
static void *h_calloc(void *c, size_t a, size_t b){ int d=((ctx_t*)c)->dom; void *p=orig[d].calloc(orig[d].ctx,a,b); if(on&&out) fprintf(out,"%s c %zu %zu %p\n",dn[d],a,b,p); return p;}
static void *h_realloc(void *c, void *q, size_t n){ int d=((ctx_t*)c)->dom; void *p=orig[d].realloc(orig[d].ctx,q,n); if(on&&out) fprintf(out,"%s r %zu %p %p\n",dn[d],n,p,q); return p;}
static void h_free(void *c, void *q){ int d=((ctx_t*)c)->dom; if(on&&out&&q) fprintf(out,"%s f %p\n",dn[d],q); orig[d].free(orig[d].ctx,q);}
static PyObject *install(PyObject *s, PyObject *a){ const char *path; int raw=0; if(!PyArg_ParseTuple(a,"s|i",&path,&raw)) return NULL;
  out=fopen(path,"w"); setvbuf(out,NULL,_IOFBF,1<<20);
  for(int d=raw?0:1; d<3; d++){ PyMemAllocatorEx h={&ctxs[d],h_malloc,h_calloc,h_realloc,h_free}; PyMem_GetAllocator((PyMemAllocatorDomain)d,&orig[d]); PyMem_SetAllocator((PyMemAllocatorDomain)d,&h);} Py_RETURN_NONE;}
static PyObject *start(PyObject *s, PyObject *a){ on=1; Py_RETURN_NONE;}
static PyObject *stop(PyObject *s, PyObject *a){ on=0; if(out) fflush(out); Py_RETURN_NONE;}
static PyObject *mark(PyObject *s, PyObject *a){ const char*m; if(!PyArg_ParseTuple(a,"s",&m)) return NULL; if(out) fprintf(out,"# %s\n",m); Py_RETURN_NONE;}
static PyMethodDef M[]={{"install",install,METH_VARARGS,""},{"start",start,METH_NOARGS,""},{"stop",stop,METH_NOARGS,""},{"mark",mark,METH_VARARGS,""},{0}};
static struct PyModuleDef D={PyModuleDef_HEAD_INIT,"hwtrace",0,-1,M};
PyMODINIT_FUNC PyInit_hwtrace(void){return PyModule_Create(&D);}
