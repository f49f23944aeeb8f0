import type { CPythonVersion } from './version';
import { CPYTHON_3_12 } from './cpython-3.12';

/**
 * CPython 3.13 (measured: pyenv's 3.13.0), as differences from 3.12, each checked against the
 * allocator calls recorded on 3.13.0 (testdata/3.13.0/).
 */
export const CPYTHON_3_13: CPythonVersion = {
  ...CPYTHON_3_12,
  staticOneCharStrs: '', // 3.13.0: every one-character constant is the latin-1 singleton
  name: '3.13',
  release: '3.13.0',
  startup: 'cpython-3.13.0',
  // Include/internal/pycore_runtime_init.h: threshold0 2000 (gc.get_threshold() on 3.13.0)
  gc: { thresholds: [2000, 10, 10] },
  // PyFrameObject gained f_extra_locals and f_locals_cache (PEP 667): 184-byte module frame objects, not 168
  // _specialization_cache.init (Include/cpython/object.h): type.__basicsize__ 928, a class a 984-byte block, not 976
  // Modules/_blake2: 3.13's objects are 8 bytes smaller (measured __basicsize__ 440 / 232; testdata/3.13.0/numbers:
  // `hashlib.blake2s(data)` is 'm 232', `s.copy()` of a blake2b 'm 440')
  sizes: { ...CPYTHON_3_12.sizes, frameObject: 136, heapType: 928, blake2: { blake2b: 440, blake2s: 232 } },
  // Objects/obmalloc.c: mimalloc is built in but opt-in (PYTHONMALLOC=mimalloc) in the default build
  // unicode_vectorcall, long_vectorcall (gh-90350 and friends): str(x) and int(x) pack no tuple
  typeVectorcalls: ['str', 'int'],
  // bltinmodule.c min/max (gh-90350) and Argument Clinic's str.startswith/endswith/find/rfind/index/rindex/count
  // (measured: no 48-byte tuple; `str.find.__text_signature__` is '($self, sub[, start[, end]], /)' on 3.13.0, None on 3.12.1)
  fastcallBuiltins: [
    'min',
    'max',
    'str.startswith',
    'str.endswith',
    'str.find',
    'str.rfind',
    'str.index',
    'str.rindex',
    'str.count',
  ],
  // Objects/object_layout.md: values inline after the object (measured: one 88-byte block per 2-attribute instance)
  inlineValues: true,
  // Python/bytecodes.c CALL_ALLOC_AND_ENTER_INIT (measured: `class Node: def __init__(self, n):
  // self.child = Node(n + 1)` recurses 503 levels deep on 3.13.0, 498 on 3.12.1; through a
  // `make(n)` function 333 against 498)
  allocAndEnterInit: true,
  // Objects/listobject.c list_extend_set / list_extend_dict / list_extend_dictitems (measured: list(s) of
  // 100 items `m 56, r 800 new` on 3.13.0; `m 56, m 64, m 800, f 64` on 3.12.1)
  listExtendExact: true,
  // Lib/json/encoder.py iterencode (3.13.0): `if _one_shot and c_make_encoder is not None`, the indent
  // as a str; Modules/_json.c writes newline_indent and separator strs per container (measured on 3.13.0)
  jsonEncoderIndent: true,
  // Modules/_json.c scanner_call: a memo dict per call, none in the Scanner (its __basicsize__ 64 on 3.13.0, 72 on 3.12.1)
  jsonScannerMemo: 'call',
  // Lib/pathlib/_local.py: PurePathBase's two slots more (measured: sys.getsizeof(Path('/a')) 112)
  pathlib: 'lazy-3.13',
  // mortal again: SSTATE_INTERNED_MORTAL (measured: the same 10,000 strs freed, 415 kB kept: the dict's table)
  internImmortal: false,
  // Modules/_decimal/_decimal.c dec_alloc: PyObject_GC_New + PyObject_GC_Track (measured: 'm 120' per Decimal on 3.13.0)
  decimalGc: true,
  // Python/compile.c compiler_class_body (measured: `class A: pass` has 6 dict entries, its type dict a 208-byte keys block)
  classBodyAttributes: true,
  // gdb on 3.13.0's compile of a script (the recorded tails: startup/compile-tails/real-3.13/)
  compileTail: {
    ...CPYTHON_3_12.compileTail,
    tokState: { bytes: 17272, calloc: true }, // _PyTokenizer_tok_new: PyMem_Calloc(1, sizeof(struct tok_state))
    compilerUnit: 984,
    sequenceInstr: 44, // _PyCompile_Instruction: + i_target, i_offset
    optimizedLabels: 'block', // _PyCfg_ToInstructionSequence: b_label = the block's index
    codeBasicsize: 200, // type(c).__basicsize__ on 3.13.0
    // dis._inline_cache_entries on 3.13.0: conditional and backward jumps and `in` gained a cache
    instructions: {
      ...CPYTHON_3_12.compileTail.instructions,
      caches: {
        ...CPYTHON_3_12.compileTail.instructions.caches,
        POP_JUMP_FORWARD_IF_FALSE: 1,
        POP_JUMP_FORWARD_IF_TRUE: 1,
        POP_JUMP_BACKWARD_IF_FALSE: 1,
        POP_JUMP_BACKWARD_IF_TRUE: 1,
        POP_JUMP_FORWARD_IF_NONE: 1,
        POP_JUMP_FORWARD_IF_NOT_NONE: 1,
        POP_JUMP_BACKWARD_IF_NONE: 1,
        POP_JUMP_BACKWARD_IF_NOT_NONE: 1,
        JUMP_BACKWARD: 1,
        CONTAINS_OP: 1,
      },
      endFor: 2, // END_FOR, POP_TOP
      toBool: true,
      fastPairs: true, // LOAD_FAST_LOAD_FAST, STORE_FAST_STORE_FAST
    },
  },
  pythonMallocChoices: ['mimalloc', 'mimalloc_debug'],
  // Modules/_threadmodule.c ThreadHandle_join → PyThread_join_thread (pthread_join): gh-114271's joinable handles
  threadJoin: 'pthread_join',
};
