import { INSTRUCTIONS_3_11 } from '../compiler/cheap/versionCode';
import type { CPythonVersion } from './version';

/** CPython 3.11 (measured: pyenv's 3.11.7). Every value is what python/ modelled before profiles. */
export const CPYTHON_3_11: CPythonVersion = {
  name: '3.11',
  release: '3.11.7',
  startup: 'cpython-3.11.7',
  sizes: {
    strAscii: 48, // Include/cpython/unicodeobject.h PyASCIIObject: head 16, length, hash, state, wstr
    strCompact: 72, // PyCompactUnicodeObject: + utf8_length, utf8, wstr_length
    function: 136, // Include/cpython/funcobject.h PyFunctionObject
    genHeader: 80, // PyGenObject up to gi_iframe (with gi_code); the frame header is in framesize
    frameObject: 120, // Include/internal/pycore_frame.h PyFrameObject up to _f_frame_data
    heapType: 904, // Include/cpython/object.h PyHeapTypeObject (type.__basicsize__)
    rangeIter: 48, // Objects/rangeobject.c rangeiterobject: index, start, step, len
    stringio: 120, // Modules/_io/stringio.c stringio with a _PyAccu (measured: StringIO.__basicsize__)
    blake2: { blake2b: 448, blake2s: 240 }, // Modules/_blake2 BLAKE2bObject/BLAKE2sObject (measured: __basicsize__)
  },
  freelists: { list: 80, dict: 80, dictKeys: 80, float: 100, tupleMaxSaveSize: 20, tuple: 2000 },
  gc: { thresholds: [700, 10, 10] }, // Modules/gcmodule.c _PyGC_InitState
  quickening: { warmupDelay: 8, initialCounter: { value: 0, backoff: 0 } }, // pycore_code.h
  exceptions: 'lazy',
  managedWeakref: false,
  managedDictVarSized: false,
  inlineValues: false,
  allocAndEnterInit: false,
  typeVectorcalls: [],
  genericAttributeError: "'%.50s' object has no attribute '%U'",
  fastcallBuiltins: [],
  gcPhaseStrings: false,
  noneHash: null, // Objects/object.c: None's tp_hash is 0 → _Py_HashPointer (id(None) >> 4, rotated)
  rangeLengthFastPath: false,
  sumFromSsize: false,
  intParseScratch: true,
  pylong: null,
  issubsetByIntersection: false,
  staticOneCharStrs: 'BCLST_abcdefhijklmnopqrstvwxy', // 3.11.7: 29 of 256
  clinicKwtuples: 'runtime', // Python/getargs.c parser_init: new_kwtuple on the first keyword call
  listExtendExact: false, // Objects/listobject.c list_extend: PySequence_Fast for lists and tuples, else an iterator
  boundedSplit: false,
  stringioAccumulator: 'accu', // Modules/_io/stringio.c write_str: _PyAccu_Accumulate
  jsonEncoder: 'accu', // Modules/_json.c encoder_call: _PyAccu_FinishAsList
  jsonEncoderIndent: false, // Lib/json/encoder.py iterencode: c_make_encoder only when self.indent is None
  jsonScannerMemo: 'scanner',
  // Lib/pathlib.py _from_parts: parse_parts when the path is made
  pathlib: 'eager',
  internImmortal: false,
  // Modules/_decimal/_decimal.c dec_alloc: PyObject_New(PyDecObject, &PyDec_Type)
  decimalGc: false,
  callExInline: false,
  comprehensions: 'function',
  generatorHandlers: false,
  classBodyAttributes: false,
  compileTail: {
    tokState: { bytes: 2848, calloc: false }, // Parser/tokenizer.c tok_new
    fstringSubParsers: true, // Parser/action_helpers.c fstring_compile_expr
    stmtBytes: 72,
    typeParams: false,
    astObjectBytes: 48, // AST_object (basicsize 32) + GC header
    codegen: 'blocks', // Python/compile.c compiler_next_instr: a basicblock's b_instr
    compilerUnit: 792,
    sequenceInstr: 0,
    optimizedLabels: 'offset',
    codeBasicsize: 184,
    instructions: INSTRUCTIONS_3_11,
  },
  refcounts: 'classic',
  objectAllocator: 'pymalloc',
  pythonMallocChoices: [],
  threadJoin: 'sentinel',
};
