/**
 * CPython 3.11's instruction set (Lib/opcode.py and Include/internal/pycore_opcode.h of 3.11.7),
 * plus the compiler's pseudo-instructions (compile.c: negative numbers, never in a code object).
 * Everything that changes between versions lives here: the opcode numbers, the inline cache sizes
 * (`_PyOpcode_Caches`), which opcodes jump and which way, and each opcode's stack effect. A 3.12
 * or 3.13 profile replaces this table (see README.md, "Other versions").
 */

/** Real opcodes of 3.11 (value = the byte in co_code). */
export const Op = {
  CACHE: 0,
  POP_TOP: 1,
  PUSH_NULL: 2,
  NOP: 9,
  UNARY_POSITIVE: 10,
  UNARY_NEGATIVE: 11,
  UNARY_NOT: 12,
  UNARY_INVERT: 15,
  BINARY_SUBSCR: 25,
  GET_LEN: 30,
  MATCH_MAPPING: 31,
  MATCH_SEQUENCE: 32,
  MATCH_KEYS: 33,
  PUSH_EXC_INFO: 35,
  CHECK_EXC_MATCH: 36,
  CHECK_EG_MATCH: 37,
  WITH_EXCEPT_START: 49,
  GET_AITER: 50,
  GET_ANEXT: 51,
  BEFORE_ASYNC_WITH: 52,
  BEFORE_WITH: 53,
  END_ASYNC_FOR: 54,
  STORE_SUBSCR: 60,
  DELETE_SUBSCR: 61,
  GET_ITER: 68,
  GET_YIELD_FROM_ITER: 69,
  PRINT_EXPR: 70,
  LOAD_BUILD_CLASS: 71,
  LOAD_ASSERTION_ERROR: 74,
  RETURN_GENERATOR: 75,
  LIST_TO_TUPLE: 82,
  RETURN_VALUE: 83,
  IMPORT_STAR: 84,
  SETUP_ANNOTATIONS: 85,
  YIELD_VALUE: 86,
  ASYNC_GEN_WRAP: 87,
  PREP_RERAISE_STAR: 88,
  POP_EXCEPT: 89,
  STORE_NAME: 90,
  DELETE_NAME: 91,
  UNPACK_SEQUENCE: 92,
  FOR_ITER: 93,
  UNPACK_EX: 94,
  STORE_ATTR: 95,
  DELETE_ATTR: 96,
  STORE_GLOBAL: 97,
  DELETE_GLOBAL: 98,
  SWAP: 99,
  LOAD_CONST: 100,
  LOAD_NAME: 101,
  BUILD_TUPLE: 102,
  BUILD_LIST: 103,
  BUILD_SET: 104,
  BUILD_MAP: 105,
  LOAD_ATTR: 106,
  COMPARE_OP: 107,
  IMPORT_NAME: 108,
  IMPORT_FROM: 109,
  JUMP_FORWARD: 110,
  JUMP_IF_FALSE_OR_POP: 111,
  JUMP_IF_TRUE_OR_POP: 112,
  POP_JUMP_FORWARD_IF_FALSE: 114,
  POP_JUMP_FORWARD_IF_TRUE: 115,
  LOAD_GLOBAL: 116,
  IS_OP: 117,
  CONTAINS_OP: 118,
  RERAISE: 119,
  COPY: 120,
  BINARY_OP: 122,
  SEND: 123,
  LOAD_FAST: 124,
  STORE_FAST: 125,
  DELETE_FAST: 126,
  POP_JUMP_FORWARD_IF_NOT_NONE: 128,
  POP_JUMP_FORWARD_IF_NONE: 129,
  RAISE_VARARGS: 130,
  GET_AWAITABLE: 131,
  MAKE_FUNCTION: 132,
  BUILD_SLICE: 133,
  JUMP_BACKWARD_NO_INTERRUPT: 134,
  MAKE_CELL: 135,
  LOAD_CLOSURE: 136,
  LOAD_DEREF: 137,
  STORE_DEREF: 138,
  DELETE_DEREF: 139,
  JUMP_BACKWARD: 140,
  CALL_FUNCTION_EX: 142,
  EXTENDED_ARG: 144,
  LIST_APPEND: 145,
  SET_ADD: 146,
  MAP_ADD: 147,
  LOAD_CLASSDEREF: 148,
  COPY_FREE_VARS: 149,
  RESUME: 151,
  MATCH_CLASS: 152,
  FORMAT_VALUE: 155,
  BUILD_CONST_KEY_MAP: 156,
  BUILD_STRING: 157,
  LOAD_METHOD: 160,
  LIST_EXTEND: 162,
  SET_UPDATE: 163,
  DICT_MERGE: 164,
  DICT_UPDATE: 165,
  PRECALL: 166,
  CALL: 171,
  KW_NAMES: 172,
  POP_JUMP_BACKWARD_IF_NOT_NONE: 173,
  POP_JUMP_BACKWARD_IF_NONE: 174,
  POP_JUMP_BACKWARD_IF_FALSE: 175,
  POP_JUMP_BACKWARD_IF_TRUE: 176,

  // Pseudo-instructions (compile.c): only inside the compiler, resolved by the assembler.
  SETUP_FINALLY: -1,
  SETUP_CLEANUP: -2,
  SETUP_WITH: -3,
  POP_BLOCK: -4,
  JUMP: -5,
  JUMP_NO_INTERRUPT: -6,
  POP_JUMP_IF_FALSE: -7,
  POP_JUMP_IF_TRUE: -8,
  POP_JUMP_IF_NONE: -9,
  POP_JUMP_IF_NOT_NONE: -10,
} as const;

export type OpName = keyof typeof Op;
export type Opcode = (typeof Op)[OpName];

/** HAVE_ARGUMENT: opcodes at or above take an oparg. */
export const HAVE_ARGUMENT = 90;

export const OPNAME: string[] = [];
for (const [name, code] of Object.entries(Op)) if (code >= 0) OPNAME[code] = name;

/** _PyOpcode_Caches: inline cache code units after the instruction (3.11's specializer). */
export const CACHES = new Uint8Array(256);
CACHES[Op.BINARY_SUBSCR] = 4;
CACHES[Op.STORE_SUBSCR] = 1;
CACHES[Op.UNPACK_SEQUENCE] = 1;
CACHES[Op.STORE_ATTR] = 4;
CACHES[Op.LOAD_ATTR] = 4;
CACHES[Op.COMPARE_OP] = 2;
CACHES[Op.LOAD_GLOBAL] = 5;
CACHES[Op.BINARY_OP] = 1;
CACHES[Op.LOAD_METHOD] = 10;
CACHES[Op.PRECALL] = 1;
CACHES[Op.CALL] = 4;

export const hasArg = (op: number): boolean => op >= HAVE_ARGUMENT || op < 0;

const REAL_JUMPS = new Set<number>([
  Op.FOR_ITER,
  Op.JUMP_FORWARD,
  Op.JUMP_IF_FALSE_OR_POP,
  Op.JUMP_IF_TRUE_OR_POP,
  Op.POP_JUMP_FORWARD_IF_FALSE,
  Op.POP_JUMP_FORWARD_IF_TRUE,
  Op.SEND,
  Op.POP_JUMP_FORWARD_IF_NOT_NONE,
  Op.POP_JUMP_FORWARD_IF_NONE,
  Op.JUMP_BACKWARD_NO_INTERRUPT,
  Op.JUMP_BACKWARD,
  Op.POP_JUMP_BACKWARD_IF_NOT_NONE,
  Op.POP_JUMP_BACKWARD_IF_NONE,
  Op.POP_JUMP_BACKWARD_IF_FALSE,
  Op.POP_JUMP_BACKWARD_IF_TRUE,
]);

const VIRTUAL_JUMPS = new Set<number>([
  Op.JUMP,
  Op.JUMP_NO_INTERRUPT,
  Op.POP_JUMP_IF_FALSE,
  Op.POP_JUMP_IF_TRUE,
  Op.POP_JUMP_IF_NONE,
  Op.POP_JUMP_IF_NOT_NONE,
]);

const JUMP_TABLE = new Uint8Array(256 + 16);
for (const op of [...REAL_JUMPS, ...VIRTUAL_JUMPS]) JUMP_TABLE[op + 16] = 1;

/** is_jump: a (pseudo-)instruction with a target block. In 3.11 every real jump is relative. */
export const isJump = (op: number): boolean => JUMP_TABLE[op + 16] === 1;
export const isBlockPush = (op: number): boolean =>
  op === Op.SETUP_FINALLY || op === Op.SETUP_WITH || op === Op.SETUP_CLEANUP;
export const isBackwardJump = (op: number): boolean =>
  op === Op.JUMP_BACKWARD ||
  op === Op.JUMP_BACKWARD_NO_INTERRUPT ||
  op === Op.POP_JUMP_BACKWARD_IF_NONE ||
  op === Op.POP_JUMP_BACKWARD_IF_NOT_NONE ||
  op === Op.POP_JUMP_BACKWARD_IF_TRUE ||
  op === Op.POP_JUMP_BACKWARD_IF_FALSE;

/** Instructions that leave the frame or the block unconditionally (is_end_of_basic_block, minus jumps). */
export const isScopeExit = (op: number): boolean =>
  op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE;
export const isUnconditionalJump = (op: number): boolean => op === Op.JUMP || op === Op.JUMP_NO_INTERRUPT;

/** FORMAT_VALUE's oparg: the conversion in the low 2 bits, 4 when a format spec is on the stack. */
export const FVC_NONE = 0;
export const FVC_STR = 1;
export const FVC_REPR = 2;
export const FVC_ASCII = 3;
export const FVS_HAVE_SPEC = 4;

/** BINARY_OP's oparg (the NB_* order of Include/opcode.h); the in-place forms are +13. */
export const NB_OPS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'] as const;
export const NB_INPLACE = 13;

/** COMPARE_OP's oparg: Py_LT … Py_GE. */
export const CMP_OPS = ['<', '<=', '==', '!=', '>', '>='] as const;

/**
 * stack_effect() of compile.c: the change in stack depth after the instruction, along the
 * fall-through path (jump false) or the jump path (jump true).
 */
export function stackEffect(op: number, oparg: number, jump: boolean): number {
  switch (op) {
    case Op.NOP:
    case Op.EXTENDED_ARG:
    case Op.RESUME:
    case Op.CACHE:
    case Op.SWAP:
    case Op.UNARY_POSITIVE:
    case Op.UNARY_NEGATIVE:
    case Op.UNARY_NOT:
    case Op.UNARY_INVERT:
    case Op.GET_ITER:
    case Op.SETUP_ANNOTATIONS:
    case Op.ASYNC_GEN_WRAP:
    case Op.YIELD_VALUE:
    case Op.POP_BLOCK:
    case Op.DELETE_NAME:
    case Op.DELETE_GLOBAL:
    case Op.LOAD_ATTR:
    case Op.CHECK_EXC_MATCH:
    case Op.CHECK_EG_MATCH:
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD:
    case Op.JUMP:
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
    case Op.JUMP_NO_INTERRUPT:
    case Op.DELETE_FAST:
    case Op.RETURN_GENERATOR:
    case Op.KW_NAMES:
    case Op.MAKE_CELL:
    case Op.COPY_FREE_VARS:
    case Op.DELETE_DEREF:
    case Op.GET_AWAITABLE:
    case Op.GET_AITER:
    case Op.GET_YIELD_FROM_ITER:
    case Op.LIST_TO_TUPLE:
      return 0;
    case Op.POP_TOP:
    case Op.SET_ADD:
    case Op.LIST_APPEND:
    case Op.BINARY_SUBSCR:
    case Op.PRINT_EXPR:
    case Op.RETURN_VALUE:
    case Op.IMPORT_STAR:
    case Op.POP_EXCEPT:
    case Op.STORE_NAME:
    case Op.DELETE_ATTR:
    case Op.STORE_GLOBAL:
    case Op.COMPARE_OP:
    case Op.IS_OP:
    case Op.CONTAINS_OP:
    case Op.IMPORT_NAME:
    case Op.PREP_RERAISE_STAR:
    case Op.RERAISE:
    case Op.STORE_FAST:
    case Op.CALL:
    case Op.STORE_DEREF:
    case Op.LIST_EXTEND:
    case Op.SET_UPDATE:
    case Op.DICT_MERGE:
    case Op.DICT_UPDATE:
    case Op.BINARY_OP:
      return -1;
    case Op.MAP_ADD:
    case Op.DELETE_SUBSCR:
    case Op.STORE_ATTR:
    case Op.END_ASYNC_FOR:
    case Op.MATCH_CLASS:
      return -2;
    case Op.STORE_SUBSCR:
      return -3;
    case Op.LOAD_BUILD_CLASS:
    case Op.LOAD_CONST:
    case Op.LOAD_NAME:
    case Op.IMPORT_FROM:
    case Op.PUSH_EXC_INFO:
    case Op.WITH_EXCEPT_START:
    case Op.LOAD_FAST:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_DEREF:
    case Op.LOAD_CLASSDEREF:
    case Op.BEFORE_ASYNC_WITH:
    case Op.BEFORE_WITH:
    case Op.GET_ANEXT:
    case Op.LOAD_METHOD:
    case Op.LOAD_ASSERTION_ERROR:
    case Op.GET_LEN:
    case Op.MATCH_MAPPING:
    case Op.MATCH_SEQUENCE:
    case Op.MATCH_KEYS:
    case Op.COPY:
    case Op.PUSH_NULL:
      return 1;
    case Op.UNPACK_SEQUENCE:
      return oparg - 1;
    case Op.UNPACK_EX:
      return (oparg & 0xff) + (oparg >> 8);
    case Op.FOR_ITER:
      return jump ? -1 : 1;
    case Op.SEND:
      return jump ? -1 : 0;
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
      return 1 - oparg;
    case Op.BUILD_MAP:
      return 1 - 2 * oparg;
    case Op.BUILD_CONST_KEY_MAP:
      return -oparg;
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.JUMP_IF_FALSE_OR_POP:
      return jump ? 0 : -1;
    case Op.POP_JUMP_BACKWARD_IF_NONE:
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case Op.POP_JUMP_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op.POP_JUMP_IF_NOT_NONE:
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE:
    case Op.POP_JUMP_IF_TRUE:
      return -1;
    case Op.LOAD_GLOBAL:
      return (oparg & 1) + 1;
    // The handler of a SETUP_* finds the stack as it was at the SETUP, plus the exception
    // (and for SETUP_CLEANUP/SETUP_WITH also lasti: the exception table's `lasti` bit).
    case Op.SETUP_FINALLY:
      return jump ? 1 : 0;
    case Op.SETUP_CLEANUP:
      return jump ? 2 : 0;
    case Op.SETUP_WITH:
      return jump ? 1 : 0;
    case Op.RAISE_VARARGS:
      return -oparg;
    case Op.PRECALL:
      return -oparg;
    case Op.CALL_FUNCTION_EX:
      return -2 - (oparg & 1);
    case Op.MAKE_FUNCTION:
      return (
        -((oparg & 1) !== 0 ? 1 : 0) -
        ((oparg & 2) !== 0 ? 1 : 0) -
        ((oparg & 4) !== 0 ? 1 : 0) -
        ((oparg & 8) !== 0 ? 1 : 0)
      );
    case Op.BUILD_SLICE:
      return oparg === 3 ? -2 : -1;
    case Op.FORMAT_VALUE:
      return (oparg & FVS_HAVE_SPEC) !== 0 ? -1 : 0;
    default:
      throw new Error(`internal: no stack effect for opcode ${op}`);
  }
}
