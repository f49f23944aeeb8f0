/**
 * The subset's syntax tree: the shape of CPython's own `ast` module, trimmed to what Highwater
 * runs. Every node carries its 1-based source line for error messages.
 */

/** A compile-time constant, as CPython's compiler keeps it in co_consts. */
export type ConstValue =
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  /** bytes as a latin-1 JS string (one char per byte). */
  | { t: 'bytes'; v: string }
  | { t: 'none' }
  | { t: 'bool'; v: boolean }
  | { t: 'ellipsis' }
  | { t: 'tuple'; items: ConstValue[] }
  | { t: 'frozenset'; items: ConstValue[] };

export type BinOpName = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '<<' | '>>' | '|' | '&' | '^';
export type UnaryOpName = '-' | '+' | '~' | 'not';
export type CmpOpName = '<' | '>' | '<=' | '>=' | '==' | '!=' | 'in' | 'not in' | 'is' | 'is not';

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export interface Keyword {
  arg: string;
  value: Expr;
}

interface At {
  line: number;
}

export type Expr = At &
  (
    /** `b`: where the name lives, cached by the interpreter on first use (compile/scope.ts Binding). */
    | { k: 'Name'; id: string; b?: { kind: string; slot?: number } }
    /** `h`: the constant's object, made when the module is compiled (compile/consts.ts). */
    | { k: 'Const'; value: ConstValue; h?: number }
    /** constItems: 3+ constant items, compiled as BUILD_LIST 0 + LIST_EXTEND of this constant tuple. */
    | { k: 'List'; elts: Expr[]; constItems?: number }
    | { k: 'Tuple'; elts: Expr[] }
    /** constItems: 3+ constant items, compiled as BUILD_SET 0 + SET_UPDATE of this constant frozenset. */
    | { k: 'Set'; elts: Expr[]; constItems?: number }
    /** A null key is a `**mapping` entry. */
    | { k: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
    | { k: 'BinOp'; op: BinOpName; left: Expr; right: Expr }
    | { k: 'UnaryOp'; op: UnaryOpName; operand: Expr }
    | { k: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
    | { k: 'Compare'; left: Expr; ops: CmpOpName[]; comparators: Expr[] }
    | { k: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
    | { k: 'Attribute'; value: Expr; attr: string }
    | { k: 'Subscript'; value: Expr; slice: Expr }
    | { k: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
    | { k: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
    | { k: 'ListComp' | 'SetComp' | 'GeneratorExp'; elt: Expr; generators: Comprehension[]; scope: number }
    | { k: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[]; scope: number }
  );

export type Stmt = At &
  (
    | { k: 'Assign'; targets: Expr[]; value: Expr }
    | { k: 'AugAssign'; target: Expr; op: BinOpName; value: Expr }
    | { k: 'Delete'; targets: Expr[] }
    | { k: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'Break' }
    | { k: 'Continue' }
    | { k: 'Pass' }
    | { k: 'FunctionDef'; name: string; params: string[]; defaults: Expr[]; body: Stmt[]; scope: number }
    | { k: 'Return'; value: Expr | null }
    | { k: 'Global'; names: string[] }
    | { k: 'Import'; names: { name: string; asname: string | null }[] }
    | { k: 'ImportFrom'; module: string; names: { name: string; asname: string | null }[] }
    | { k: 'Expr'; value: Expr }
    /** A statement that uses something outside the subset: raises NotSupported when it runs. */
    | { k: 'Unsupported'; what: string }
  );

export type ExprOf<K extends Expr['k']> = Extract<Expr, { k: K }>;
export type StmtOf<K extends Stmt['k']> = Extract<Stmt, { k: K }>;

export const constNone: ConstValue = { t: 'none' };
