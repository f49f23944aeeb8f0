import type { CPythonVersion } from './version';

/**
 * CPython 3.12 (measured: pyenv's 3.12.1), as differences from 3.11, each checked against the
 * allocator calls recorded on 3.12.1 (testdata/3.12.1/).
 */
export const CPYTHON_3_12: CPythonVersion = {
  name: '3.12',
  release: '3.12.1',
  startup: 'cpython-3.12.1',
  sizes: {
    strAscii: 40, // PEP 623: wstr gone from PyASCIIObject ('' is 41 bytes, measured)
    strCompact: 56, // and wstr_length from PyCompactUnicodeObject
    function: 144, // PyFunctionObject gained func_typeparams (PEP 695): a 160-byte block with the GC head
    genHeader: 72, // PyGenObject lost gi_code (the frame's f_code holds it): genexpr 192 bytes, not 200
    frameObject: 120, // unchanged (168-byte frame objects for a module frame, measured)
    heapType: 920, // PyTypeObject.tp_watched, _specialization_cache.getitem_version: type.__basicsize__ 920
    rangeIter: 40, // rangeiterobject lost `index` (start advances): 40 bytes, not 48
    // Modules/_io/stringio.c: a _PyUnicodeWriter (56) for the _PyAccu (16), and module_state (measured: 168)
    stringio: 168,
    blake2: { blake2b: 448, blake2s: 240 }, // unchanged (measured __basicsize__)
  },
  freelists: { list: 80, dict: 80, dictKeys: 80, float: 100, tupleMaxSaveSize: 20, tuple: 2000 },
  gc: { thresholds: [700, 10, 10] }, // gc.get_threshold() on 3.12.1
  // Python/specialize.c _PyCode_Quicken runs in init_code; adaptive_counter_warmup() = (1, 1)
  quickening: { warmupDelay: 0, initialCounter: { value: 1, backoff: 1 } },
  exceptions: 'eager', // Python/errors.c _PyErr_SetObject: _PyErr_CreateException unless an instance
  managedWeakref: true, // Include/object.h Py_TPFLAGS_MANAGED_WEAKREF; measured {48, 32} per 2-attribute instance
  managedDictVarSized: true, // class T(tuple): __basicsize__ 24, __dictoffset__ -1, getsizeof(T()) 56
  inlineValues: false,
  allocAndEnterInit: false,
  typeVectorcalls: [],
  // Objects/object.c: '%.100s' (measured: the writer's first buffer is one byte longer than 3.11's)
  genericAttributeError: "'%.100s' object has no attribute '%U'",
  fastcallBuiltins: [],
  noneHash: 0xfca86420, // Objects/object.c none_hash (gh-99540): hash(None) == 4238894112 on 3.12.1 and 3.13.0
  gcPhaseStrings: true, // Modules/gcmodule.c invoke_gc_callback: PyUnicode_FromString(phase) outside the size check
  rangeLengthFastPath: true, // Objects/rangeobject.c compute_range_length (measured: one 32-byte int for range(10**6))
  sumFromSsize: true, // Python/bltinmodule.c builtin_sum_impl: Py_ssize_t i_result
  staticOneCharStrs: '_abcdenprsx', // 3.12.1: 11 of 256
  intParseScratch: false, // Objects/longobject.c long_from_string_base: the digits scanned, then _PyLong_New
  // Objects/longobject.c long_to_decimal_string_internal / long_from_string_base / l_divmod (measured on
  // 3.12.1 and 3.13.0: str() of a 30,001-bit int imports _pylong, of 30,000 not; int() of 6,001 digits
  // does, of 6,000 not; a // b with 305 and 460 digits does, a % b never)
  // Objects/setobject.c set_issubset: `tmp = set_intersection(so, other)` for a non-set (measured: a set of 100
  // against a generator of 1,000 reads 100 on 3.12.1/3.13.0, 1,000 on 3.11.7)
  issubsetByIntersection: true,
  pylong: { toStrDigits: 1000, fromStrDigits: 6000, divisorDigits: 300, extraDigits: 150 },
  // Tools/clinic/clinic.py (gh-90928): `static struct { ... } _kwtuple` of _Py_ID names under Py_BUILD_CORE
  // (measured: print(x, sep='-'), s.splitlines(keepends=True), sorted(a, key=len) make no kwtuple or names)
  clinicKwtuples: 'static',
  listExtendExact: false,
  boundedSplit: true, // Objects/unicodeobject.c split(): maxcount from the length when it is -1
  // Modules/_io/stringio.c (3.12 removed _PyAccu): write_str appends to an over-allocating writer;
  // make_intermediate copies the finished str into a new one (measured: getvalue() of a 2.9 MB text
  // mmaps one more 3 MiB block on 3.12.1 and 3.13.0, none on 3.11.7)
  stringioAccumulator: 'writer',
  // Modules/_json.c encoder_call: _PyUnicodeWriter (overallocate) and PyTuple_New(1) before the
  // Finish; encoder_listencode_dict: PyDict_Next on an exact dict without sort_keys (measured: json.dumps
  // of a 60-item dict makes no items list; testdata/3.12.1/jsonversions_expected.json)
  jsonEncoder: 'writer',
  jsonEncoderIndent: false,
  jsonScannerMemo: 'scanner',
  // Lib/pathlib.py PurePath.__init__ keeps _raw_paths; _load_parts on first use (measured: sys.getsizeof(Path('/a')) 104)
  pathlib: 'lazy-3.12',
  // Objects/unicodeobject.c _PyUnicode_InternInPlace: _Py_SetImmortal (measured: sys.getrefcount 2**32 - 1; 10,000 interned strs kept after their list is deleted, 914 of 999 kB by tracemalloc)
  internImmortal: true,
  decimalGc: false,
  callExInline: true, // Python/bytecodes.c CALL_FUNCTION_EX (measured: json.load frees loads' stack and keyword dict before its body)
  comprehensions: 'inlined', // PEP 709
  classBodyAttributes: false,
  // Python/compile.c: a generator body in SETUP_CLEANUP (lasti), yield from's CLEANUP_THROW handler
  // (measured co_stacksize: `yield 1` 2, `x = yield from a` 3; 3.11.7: 1 and 2)
  generatorHandlers: true,
  // gdb on 3.12.1's compile of a script (the recorded tails: startup/compile-tails/real-3.12/)
  compileTail: {
    tokState: { bytes: 17280, calloc: false }, // tok_new: tok_state holds the f-string mode stack (PEP 701)
    fstringSubParsers: false, // Parser/tokenizer.c tokenizes f-strings (FSTRING_START/MIDDLE/END)
    // 3.12's parser converts more tokens again (a_objects ends a growth step later than 3.11's
    // figure gives): 1.3 objects per object made, fitted on the 123 recorded tails' parse phase
    // (tools/compile_tail_check.ts --python 3.12 --parse: 27 → 33 exact; 3.13 28 → 33)
    pegen: { objectsPerObject: 1.3, arenaPerObject: 72, arenaPerToken: 24 },
    stmtBytes: 80, // FunctionDef: name, args, body, decorator_list, returns, type_comment, type_params
    typeParams: true,
    astObjectBytes: 56, // basicsize 24 + GC header + managed-weakref pre-header
    codegen: 'sequence', // compile.c instr_sequence_addop; flowgraph.c _PyCfgBuilder_Addop at assembly
    compilerUnit: 640,
    sequenceInstr: 36, // opcode, oparg, location (16), except-handler info (12)
    optimizedLabels: 'offset', // cfg_to_instr_sequence: b_label = the instructions before it
    codeBasicsize: 192, // type(c).__basicsize__ on 3.12.1
    // dis._inline_cache_entries on 3.12.1; CALL without PRECALL, LOAD_ATTR holds LOAD_METHOD
    instructions: {
      dropped: ['PRECALL'],
      caches: {
        CALL: 3,
        BINARY_SUBSCR: 1,
        COMPARE_OP: 1,
        LOAD_ATTR: 9,
        LOAD_METHOD: 9,
        LOAD_GLOBAL: 4,
        FOR_ITER: 1,
        SEND: 1,
      },
      returnConst: true,
      binarySlice: true,
      endFor: 1,
      orPopAsJumps: true,
      toBool: false,
      fastPairs: false,
    },
  },
  refcounts: 'immortal', // PEP 683: _Py_IMMORTAL_REFCNT = UINT_MAX
  objectAllocator: 'pymalloc',
  pythonMallocChoices: [],
  threadJoin: 'sentinel', // Lib/threading.py _wait_for_tstate_lock; the thread detached in thread_PyThread_start_new_thread
};
