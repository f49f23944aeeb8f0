import type { InstructionSet } from '../compiler/cheap/versionCode';

/**
 * What makes one CPython release different from another, as far as memory goes: the object
 * layouts the allocators see, the free lists, the collector's thresholds, how quickening warms
 * up, whether comprehensions are functions, whether immortal objects exist, and which start-up
 * the process boots from. Everything that was "CPython 3.11" in python/ reads it from here
 * (`vm.py`); a version is one file (`cpython-3.NN.ts`) that states its values, with a comment
 * naming the CPython source each comes from.
 */
export type VersionName = '3.11' | '3.12' | '3.13';

export interface CPythonVersion {
  /** The minor version the user picks ('3.12'). */
  readonly name: VersionName;
  /** The release measured on these machines (pyenv's), which the recordings come from. */
  readonly release: string;
  /** The start-up capture the process boots from (startup/profiles.ts). */
  readonly startup: 'cpython-3.11.7' | 'cpython-3.12.1' | 'cpython-3.13.0';
  /** Object sizes in bytes, without the 16-byte PyGC_Head (newGcObject adds it). */
  readonly sizes: {
    /** sizeof(PyASCIIObject): 48 in 3.11, 40 once wstr went (PEP 623, 3.12). */
    readonly strAscii: number;
    /** sizeof(PyCompactUnicodeObject): 72 in 3.11, 56 in 3.12. */
    readonly strCompact: number;
    /** sizeof(PyFunctionObject): 136 in 3.11, 144 in 3.12 (func_typeparams). */
    readonly function: number;
    /** offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus): 80 + 72 in 3.11. */
    readonly genHeader: number;
    /** PyFrameObject before its copy of the frame's slots: 120 up to 3.12, 136 in 3.13 (f_extra_locals, f_locals_cache). */
    readonly frameObject: number;
    /** sizeof(PyHeapTypeObject) (type.__basicsize__): 904 in 3.11, 920 in 3.12, 928 in 3.13 (measured). */
    readonly heapType: number;
    /** The range iterator (rangeiterobject / longrangeiterobject): 48 in 3.11, 40 in 3.12. */
    readonly rangeIter: number;
    /** sizeof(stringio) (io.StringIO.__basicsize__): 120 with a _PyAccu (3.11), 168 with a _PyUnicodeWriter and module_state (3.12). */
    readonly stringio: number;
    /** _blake2.blake2b / blake2s __basicsize__: 448 / 240 up to 3.12, 440 / 232 in 3.13 (measured). */
    readonly blake2: { readonly blake2b: number; readonly blake2s: number };
  };
  /** Free-list capacities (the objects kept for reuse, per type). */
  readonly freelists: {
    readonly list: number;
    readonly dict: number;
    readonly dictKeys: number;
    readonly float: number;
    /** Tuples of 1..maxSaveSize items, up to `tuple` of each size. */
    readonly tupleMaxSaveSize: number;
    readonly tuple: number;
  };
  /** The generational collector's thresholds (gc.get_threshold()). */
  readonly gc: { readonly thresholds: readonly [number, number, number] };
  /**
   * How quickly code specializes: 3.11 counts co_warmup up from -8 (QUICKENING_WARMUP_DELAY) at each
   * RESUME and JUMP_BACKWARD and quickens the whole code object at 0, its adaptive counters then at
   * 0 (specialize on the first run); 3.12 quickens at creation (_PyCode_Quicken in init_code) with
   * every adaptive counter at adaptive_counter_warmup() = value 1, backoff 1 (specialize on the second run).
   */
  readonly quickening: {
    readonly warmupDelay: number;
    readonly initialCounter: { value: number; backoff: number };
  };
  /**
   * When _PyErr_SetObject makes the exception instance: 3.11 leaves the (type, value) pair until
   * something normalizes it ('lazy'); 3.12 makes the instance at once ('eager').
   */
  readonly exceptions: 'lazy' | 'eager';
  /** Py_TPFLAGS_MANAGED_WEAKREF (3.12): a class's __weakref__ is in the pre-header (48-byte instances, not 56). */
  readonly managedWeakref: boolean;
  /**
   * A class over a variable-size base (tuple, int, bytes) gets a managed dict in the pre-header (3.12+:
   * class T(tuple) has __basicsize__ 24 and __dictoffset__ -1) rather than a pointer after its items
   * (3.11: 32 and -8). Measured on 3.11.7, 3.12.1, 3.13.0.
   */
  readonly managedDictVarSized: boolean;
  /** Py_TPFLAGS_INLINE_VALUES (3.13): a plain class's instance and its values are one block (88 bytes, not 48 + 32). */
  readonly inlineValues: boolean;
  /**
   * CALL_ALLOC_AND_ENTER_INIT (3.13): a specialized CALL of a plain class pushes __init__'s frame in
   * the same loop behind an _Py_InitCleanup shim frame (2 frames on the recursion counter, no C
   * call, no argument tuple), where 3.11/3.12 go through type_call and slot_tp_init.
   */
  readonly allocAndEnterInit: boolean;
  /** Built-in types called through a vectorcall of their own, no argument tuple (3.13: str, int). */
  readonly typeVectorcalls: readonly ('str' | 'int')[];
  /** _PyObject_GenericGetAttrWithDict's message (its length decides the writer's buffer: 3.12 widened %.50s). */
  readonly genericAttributeError: string;
  /** Built-ins that are METH_VARARGS in 3.11 and METH_FASTCALL in this version (no argument tuple). */
  readonly fastcallBuiltins: readonly string[];
  /** invoke_gc_callback makes its phase str even without callbacks (3.12+). */
  readonly gcPhaseStrings: boolean;
  /**
   * hash(None): null for _Py_HashPointer(&_Py_NoneStruct) (3.11: the object's address, which ASLR
   * moves in a PIE or shared libpython), or none_hash's constant (3.12+: 0xFCA86420, gh-99540).
   */
  readonly noneHash: number | null;
  /** compute_range_length's C-long fast path (3.12): no temporary ints, the length made once. */
  readonly rangeLengthFastPath: boolean;
  /** sum()'s int fast path returns PyLong_FromSsize_t (3.12: a 28-byte int), not PyLong_FromLong (32). */
  readonly sumFromSsize: boolean;
  /** PyLong_FromString starts its digit array before it finds an invalid literal (3.11); 3.12 checks first. */
  readonly intParseScratch: boolean;
  /**
   * Objects/longobject.c's switches to `_pylong` (3.12+, WITH_PYLONG_MODULE): str() of an int of more
   * than `toStrDigits` 30-bit digits, int() of more than `fromStrDigits` decimal digits, and `//` /
   * divmod() when the divisor has more than `divisorDigits` digits and the dividend `extraDigits` more
   * (null on 3.11: the quadratic C conversions only).
   */
  /** set.issubset of a non-set intersects (3.12+, stopping once every member is found), not a set of it all (3.11). */
  readonly issubsetByIntersection: boolean;
  readonly pylong: { toStrDigits: number; fromStrDigits: number; divisorDigits: number; extraDigits: number } | null;
  /**
   * The one-character strs that startup interns as separate static objects (names and constants of
   * the deep-frozen stdlib), so that a code constant of one of these characters is that static str,
   * not the latin-1 singleton chr() and indexing return. Measured as the c in range(256) for which
   * `eval(repr(chr(c))) is chr(c)` is False.
   */
  readonly staticOneCharStrs: string;
  /**
   * Where an Argument Clinic parser's keyword tuple comes from: built by parser_init on the first
   * keyword call (3.11: a tuple and each name interned), or a static tuple of _Py_ID names that
   * clinic emits for core code (3.12+: nothing allocated). Hand-written _PyArg_Parsers (3.13's
   * min/max) still build theirs.
   */
  readonly clinicKwtuples: 'runtime' | 'static';
  /**
   * list_extend walks an exact set, frozenset, dict or dict view in place after one list_resize
   * (3.13: list_extend_set / list_extend_dict / list_extend_dictitems), not through an iterator
   * with the length hint preallocated exactly and the surplus cut back (3.11, 3.12).
   */
  readonly listExtendExact: boolean;
  /**
   * What io.StringIO accumulates writes at its end in: a _PyAccu (3.11: the strs themselves in a
   * list, joined at getvalue) or an over-allocating _PyUnicodeWriter (3.12: every write copied into
   * one growing str; getvalue finishes it and copies the result into a new writer).
   */
  readonly stringioAccumulator: 'accu' | 'writer';
  /**
   * What json's C encoder (c_make_encoder) writes into: a _PyAccu of chunks it returns as a list,
   * a dict walked through PyMapping_Items and a list iterator, null/true/false and the brackets as
   * identifier strs (3.11); or one over-allocating _PyUnicodeWriter it returns finished in a
   * 1-tuple, an exact dict walked in place with PyDict_Next unless sort_keys, the items list by
   * index, the constants and brackets written as C characters (3.12+).
   */
  readonly jsonEncoder: 'accu' | 'writer';
  /**
   * json.encoder calls c_make_encoder with an indent too (3.13: the indent made a str first, ' ' × n
   * for an int), and the C encoder writes the newlines itself; before, an indent took the Python
   * generators (_make_iterencode).
   */
  readonly jsonEncoderIndent: boolean;
  /**
   * Where json's scanner keeps the memo of object keys: in the Scanner, made by scanner_new and
   * cleared after each call (3.11, 3.12: a 72-byte Scanner); or a dict scanner_call makes for the
   * call and releases at its end (3.13: a 64-byte Scanner; measured, gc.get_referents holds no dict).
   */
  readonly jsonScannerMemo: 'scanner' | 'call';
  /**
   * pathlib's paths: parsed when made, the parts list kept (3.11: `eager`, seven slots); or the
   * raw strings kept in a list and parsed when a part is asked for (3.12's rewrite: `lazy-3.12`,
   * nine slots; 3.13's pathlib package: `lazy-3.13`, ten, `/` straight to with_segments).
   */
  readonly pathlib: 'eager' | 'lazy-3.12' | 'lazy-3.13';
  /**
   * sys.intern makes a new str immortal (3.12: _PyUnicode_InternInPlace immortalizes what it
   * interns, so the str and its interned-dict entry outlive every reference); 3.11 and 3.13 keep
   * it mortal (freed with its last reference, the entry left a dummy).
   */
  readonly internImmortal: boolean;
  /**
   * _decimal's types are GC heap types (3.13: the module's multi-phase init; measured on 3.13.0:
   * Decimal's __flags__ has Py_TPFLAGS_HAVE_GC, sys.getsizeof(Decimal('12.34')) 120, tracked): every
   * Decimal is PyObject_GC_New'd, 16 bytes of GC head before its 104 (pymalloc's 128-byte class, not
   * 112), counted by the collector and tracked; 3.11 and 3.12 PyObject_New it, untracked.
   */
  readonly decimalGc: boolean;
  /** str.split without maxsplit preallocates by the string's length (3.12), not 12 slots (3.11). */
  readonly boundedSplit: boolean;
  /**
   * CALL_FUNCTION_EX of a Python function pushes its frame in the same loop
   * (_PyEvalFramePushAndInit_Ex, 3.12+): the argument tuple, the keyword dict, and
   * _PyStack_UnpackDict's stack and kwnames are released once the frame holds the arguments,
   * before the body runs; 3.11 calls it through PyObject_Call and releases them when it returns.
   */
  readonly callExInline: boolean;
  /** PEP 709 (3.12): list/set/dict comprehensions run inline in their enclosing frame. */
  readonly comprehensions: 'function' | 'inlined';
  /** 3.12's generators and coroutines have exception handlers of their own (one or two more stack slots). */
  readonly generatorHandlers: boolean;
  /** 3.13's class bodies store __firstlineno__ and __static_attributes__ (two more class dict entries). */
  readonly classBodyAttributes: boolean;
  /** PEP 683 (3.12): immortal objects' refcounts never change (sys.getrefcount(None) = 2**32 - 1). */
  readonly refcounts: 'classic' | 'immortal';
  /** What the recorder's compile of the script allocates (startup/compileTail.ts): see `CompileTailProfile`. */
  readonly compileTail: CompileTailProfile;
  /** The default object allocator (PYTHONMALLOC unset): pymalloc up to 3.13's default build. */
  readonly objectAllocator: 'pymalloc' | 'mimalloc';
  /** Allocators PYTHONMALLOC accepts beyond malloc/pymalloc/debug (3.13: mimalloc). */
  readonly pythonMallocChoices: readonly string[];
  /**
   * What `Thread.join()` waits for. 'sentinel' (3.11, 3.12): the thread is detached and join takes
   * its tstate lock, which tstate_delete_common releases before the OS thread has exited, so a
   * thread started right after a join often finds the joined one's stack and arena still busy.
   * 'pthread_join' (3.13): ThreadHandle_join → PyThread_join_thread waits for the OS thread to
   * exit (the kernel's tid clear), so its arena is on the free list and its stack in glibc's cache
   * when join returns (measured: start+join ×6 maps 1 stack in 5 of 5 runs on 3.13.0, 2 in 5 of 5
   * on 3.12.1 and 3.11.7: tools/threads/join_stacks.py).
   */
  readonly threadJoin: 'sentinel' | 'pthread_join';
}

/**
 * The parser's and compiler's C structures, as far as they reach glibc, for the compile of a
 * script (the recorder's `_build`: startup/compileTail.ts and compiler/cheap/). Each value was
 * read in the release's source and checked with gdb on pyenv's build (tools/README.md).
 */
export interface CompileTailProfile {
  /** tok_new: sizeof(struct tok_state), PyMem_Malloc (3.11, 3.12) or PyMem_Calloc(1, …) (3.13). */
  readonly tokState: { readonly bytes: number; readonly calloc: boolean };
  /**
   * An f-string's expressions get a tokenizer and parser of their own (3.11's
   * fstring_compile_expr) or are tokens of the one tokenizer (PEP 701, 3.12+).
   */
  readonly fstringSubParsers: boolean;
  /** pegen's fitted figures where they differ from 3.11's (compiler/cheap/parseCost.ts PEGEN_*). */
  readonly pegen?: { objectsPerObject: number; arenaPerObject: number; arenaPerToken: number };
  /** sizeof(struct _stmt): 72, 80 once FunctionDef and ClassDef gained type_params (3.12). */
  readonly stmtBytes: number;
  /** obj2ast reads FunctionDef's and ClassDef's type_params (an empty asdl_seq each, 3.12+). */
  readonly typeParams: boolean;
  /**
   * An AST node object with its headers (startup/recorderTree.ts): 3.11's basicsize 32 + GC 16 = 48;
   * 3.12+ basicsize 24 + GC 16 + the managed-weakref pre-header 16 = 56 (type flags 0x8; tracemalloc
   * on 3.12.1 and 3.13.0).
   */
  readonly astObjectBytes: number;
  /**
   * How compile.c holds instructions: in basic blocks as it emits them (3.11), or in one instruction
   * sequence per unit that flowgraph.c turns into basic blocks at assembly (3.12+).
   */
  readonly codegen: 'blocks' | 'sequence';
  /** sizeof(struct compiler_unit) (PyObject_Calloc(1, …) in compiler_enter_scope). */
  readonly compilerUnit: number;
  /** sizeof(instruction) of the instruction sequence (3.12: 36; 3.13's _PyCompile_Instruction: 44). */
  readonly sequenceInstr: number;
  /**
   * The labels cfg_to_instr_sequence gives the blocks of the optimized sequence: each block's first
   * instruction's index (3.12) or the block's own index (3.13's _PyCfg_ToInstructionSequence).
   */
  readonly optimizedLabels: 'offset' | 'block';
  /** PyCodeObject's tp_basicsize (co_code_adaptive follows, 2 bytes a code unit): 184, 192, 200 (measured). */
  readonly codeBasicsize: number;
  /** The release's instructions against 3.11's (the code's size, the optimized sequence's length). */
  readonly instructions: InstructionSet;
}
