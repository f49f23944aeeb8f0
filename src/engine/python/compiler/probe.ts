import type { Block } from './cfg';
import type { CodeObject } from './code';
import type { Unit } from './unit';
import type { Const } from './values';

/**
 * What the compiler tells an observer about the C structures CPython's compile.c would allocate
 * at the same moment (cheap/compileCost.ts turns them into glibc calls). Optional: the compiler
 * runs without one.
 */
export interface CompileProbe {
  /** ast_opt.c folded an expression into a constant (make_const: it joins the arena). */
  folded(): void;
  /** _PySymtable_Build made this many scopes (st_blocks: one entry each). */
  symtable(scopes: number): void;
  /** compiler_enter_scope: the compiler_unit, before its first instruction (RESUME). */
  enterScope(u: Unit): void;
  /** Instructions were added to `b` (compiler_next_instr / basicblock_next_instr). */
  instrs(b: Block): void;
  /** compiler_add_const: merge_consts_recursive (the const cache), then u_consts when `isNew`. */
  addConst(u: Unit, c: Const, isNew: boolean): void;
  /** compiler_add_o on u_names: a name entered co_names. */
  addName(u: Unit, isNew: boolean): void;
  /**
   * A jump target's label was placed (3.12's USE_LABEL: the instruction sequence's label map
   * grows to hold `id`, the unit's labels numbered as they were made). Explicit targets only.
   */
  useLabel?(u: Unit, id: number): void;
  /** assemble() begins (3.12's optimize_and_assemble_code_unit builds its graph now). */
  assembling?(u: Unit): void;
  /** assemble(), before insert_prefix_instructions: build_cellfixedoffsets. */
  cellOffsets(u: Unit): void;
  /** assemble(), after fix_cell_offsets: the cell-offset table is freed. */
  cellOffsetsDone(u: Unit): void;
  /**
   * assemble() made the code object (blocks copied by duplicate_exits_without_lineno included):
   * `constsBefore` constants went into its consts list, optimize_cfg appended the `folded` ones.
   */
  assembled(u: Unit, code: CodeObject, constsBefore: number, folded: readonly Const[]): void;
  /** compiler_exit_scope: the unit and its blocks are freed. */
  exitScope(u: Unit): void;
}
