import { CACHES, Op, OPNAME } from '../opcodes';

/**
 * How a release's instruction set differs from the 3.11 one our compiler emits, as far as the
 * size of the code goes: the assembler's buffers (_PyAssemble_MakeCodeObject) and the code object
 * (PyCodeObject + 2 bytes a code unit) grow with it, and 3.12's optimized instruction sequence
 * holds one entry per instruction. Each field is a difference measured with `dis` on the release
 * (dis._inline_cache_entries; the compiler differential's recorded opcodes).
 */
export interface InstructionSet {
  /** 3.11 opcodes the release does not have, their work folded into the next (PRECALL into CALL, 3.12). */
  readonly dropped: readonly string[];
  /** _PyOpcode_Caches by 3.11 opcode name where the release's differ (LOAD_METHOD: its LOAD_ATTR's). */
  readonly caches: Readonly<Record<string, number>>;
  /** LOAD_CONST + RETURN_VALUE is one RETURN_CONST (3.12's optimize_basic_block). */
  readonly returnConst: boolean;
  /** BUILD_SLICE 2 + BINARY_SUBSCR / STORE_SUBSCR is one BINARY_SLICE / STORE_SLICE (3.12). */
  readonly binarySlice: boolean;
  /** Instructions a for loop's exit adds (3.12: END_FOR; 3.13: END_FOR, POP_TOP). */
  readonly endFor: number;
  /** JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP are COPY 1, POP_JUMP_IF_*, POP_TOP (3.12). */
  readonly orPopAsJumps: boolean;
  /** A conditional jump on a value not known to be a bool gets a TO_BOOL first (3.13). */
  readonly toBool: boolean;
  /** Two LOAD_FASTs / STORE_FASTs of locals under 16 are one superinstruction (3.13's insert_superinstructions). */
  readonly fastPairs: boolean;
}

/** 3.11 itself: the code as our compiler emits it. */
export const INSTRUCTIONS_3_11: InstructionSet = {
  dropped: [],
  caches: {},
  returnConst: false,
  binarySlice: false,
  endFor: 0,
  orPopAsJumps: false,
  toBool: false,
  fastPairs: false,
};

const CONDITIONAL = new Set([
  'POP_JUMP_FORWARD_IF_FALSE',
  'POP_JUMP_FORWARD_IF_TRUE',
  'POP_JUMP_BACKWARD_IF_FALSE',
  'POP_JUMP_BACKWARD_IF_TRUE',
]);
const OR_POP = new Set(['JUMP_IF_FALSE_OR_POP', 'JUMP_IF_TRUE_OR_POP']);
/** Opcodes whose result is a bool already (3.13 emits no TO_BOOL after them). */
const BOOL_RESULT = new Set(['COMPARE_OP', 'IS_OP', 'CONTAINS_OP', 'UNARY_NOT']);

/**
 * The release's instructions for a code object our compiler made: each one's size in code units
 * (its EXTENDED_ARGs, itself, its caches), in order. The count is the optimized instruction
 * sequence's length; the sum is the code's length.
 */
export function versionInstrSizes(code: Uint16Array, set: InstructionSet): number[] {
  return versionInstrs(code, set).sizes;
}

/**
 * The release's instruction sizes, and for each code unit of 3.11's code the index of the
 * release's instruction it becomes part of (`indexAt`, code.length + 1 entries).
 */
export function versionInstrs(
  code: Uint16Array,
  set: InstructionSet,
): { sizes: number[]; indexAt: Int32Array; origin: number[] } {
  const ops: { name: string; arg: number; ext: number; at: number }[] = [];
  let ext = 0;
  let start = 0;
  for (let i = 0; i < code.length;) {
    const op = code[i] & 0xff;
    if (op === Op.EXTENDED_ARG) {
      if (ext === 0) start = i;
      ext++;
      i++;
      continue;
    }
    ops.push({ name: OPNAME[op] ?? '', arg: code[i] >> 8, ext, at: ext ? start : i });
    ext = 0;
    i += 1 + CACHES[op];
  }
  const sizes: number[] = [];
  /** Each release instruction's 3.11 instruction (its code unit): where its location comes from. */
  const origin: number[] = [];
  let from = 0;
  const out = {
    push(n: number): void {
      sizes.push(n);
      origin.push(from);
    },
    get length(): number {
      return sizes.length;
    },
  };
  const indexAt = new Int32Array(code.length + 1);
  let filled = 0;
  const mark = (upTo: number): void => {
    for (; filled <= upTo && filled <= code.length; filled++) indexAt[filled] = out.length;
  };
  const size = (name: string, extArgs: number): number => {
    const cache = set.caches[name];
    return extArgs + 1 + (cache ?? CACHES[Op[name as keyof typeof Op] ?? 0] ?? 0);
  };
  for (let k = 0; k < ops.length; k++) {
    const { name, arg, ext: e, at } = ops[k];
    mark(at);
    from = at + e;
    const next = ops[k + 1];
    if (set.dropped.includes(name)) continue;
    if (set.returnConst && name === 'LOAD_CONST' && next?.name === 'RETURN_VALUE') {
      out.push(e + 1);
      k++;
      continue;
    }
    if (
      set.binarySlice &&
      name === 'BUILD_SLICE' &&
      arg === 2 &&
      next &&
      /^(BINARY|STORE)_SUBSCR$/.test(next.name)
    ) {
      out.push(e + 1);
      k++;
      continue;
    }
    if (
      set.fastPairs &&
      /^(LOAD|STORE)_FAST$/.test(name) &&
      next?.name === name &&
      arg < 16 &&
      next.arg < 16
    ) {
      out.push(e + 1);
      k++;
      continue;
    }
    const prev = ops[k - 1]?.name ?? '';
    if (set.toBool && (CONDITIONAL.has(name) || OR_POP.has(name)) && !BOOL_RESULT.has(prev)) out.push(4);
    if (set.orPopAsJumps && OR_POP.has(name)) {
      out.push(1); // COPY 1
      out.push(size('POP_JUMP_FORWARD_IF_FALSE', e));
      out.push(1); // POP_TOP
      continue;
    }
    out.push(size(name, e));
    if (name === 'FOR_ITER') for (let j = 0; j < set.endFor; j++) out.push(1);
  }
  mark(code.length);
  return { sizes, indexAt, origin };
}
