/**
 * The whole Python 3.11 syntax tree, in the shape of CPython's own `ast` module (Parser/Python.asdl):
 * the contract between the parser (syntax/) and the compiler. Every construct CPython 3.11 accepts
 * has a node here, even those the compiler does not run yet (it then raises NotSupported with the
 * node's position, never a fake Python error).
 *
 * Positions are CPython's: `line`/`endLine` 1-based, `col`/`endCol` 0-based UTF-8 byte offsets
 * into the line (what `ast` reports and what 3.11 tracebacks use for their ^^^^ markers).
 */

export interface Pos {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A constant as CPython keeps it in `Constant.value` (and later in co_consts). */
export type ConstValue =
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'complex'; re: number; im: number }
  | { t: 'str'; v: string }
  /** bytes as a latin-1 JS string (one char per byte). */
  | { t: 'bytes'; v: string }
  | { t: 'none' }
  | { t: 'bool'; v: boolean }
  | { t: 'ellipsis' }
  /** Only made by the compiler's constant folding, never by the parser. */
  | { t: 'tuple'; items: ConstValue[] }
  | { t: 'frozenset'; items: ConstValue[] };

export type BinOpName = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '<<' | '>>' | '|' | '&' | '^';
export type UnaryOpName = '-' | '+' | '~' | 'not';
export type CmpOpName = '<' | '>' | '<=' | '>=' | '==' | '!=' | 'in' | 'not in' | 'is' | 'is not';
export type ExprContext = 'load' | 'store' | 'del';

export interface Arg extends Pos {
  arg: string;
  annotation: Expr | null;
}

/** ast.arguments: defaults align with the last positional parameters; kwDefaults has null where none. */
export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}

/** `arg=value`, or `**value` when arg is null. */
export interface Keyword extends Pos {
  arg: string | null;
  value: Expr;
}

export interface Alias extends Pos {
  name: string;
  asname: string | null;
}

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}

export interface WithItem {
  contextExpr: Expr;
  optionalVars: Expr | null;
}

export interface ExceptHandler extends Pos {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface MatchCase {
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}

export type Pattern = Pos &
  (
    | { k: 'MatchValue'; value: Expr }
    | { k: 'MatchSingleton'; value: ConstValue }
    | { k: 'MatchSequence'; patterns: Pattern[] }
    | { k: 'MatchMapping'; keys: Expr[]; patterns: Pattern[]; rest: string | null }
    | { k: 'MatchClass'; cls: Expr; patterns: Pattern[]; kwdAttrs: string[]; kwdPatterns: Pattern[] }
    | { k: 'MatchStar'; name: string | null }
    | { k: 'MatchAs'; pattern: Pattern | null; name: string | null }
    | { k: 'MatchOr'; patterns: Pattern[] }
  );

export type Expr = Pos &
  (
    | { k: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
    | { k: 'NamedExpr'; target: Expr; value: Expr }
    | { k: 'BinOp'; op: BinOpName; left: Expr; right: Expr }
    | { k: 'UnaryOp'; op: UnaryOpName; operand: Expr }
    | { k: 'Lambda'; args: Arguments; body: Expr }
    | { k: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
    /** A null key is a `**mapping` entry. */
    | { k: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
    | { k: 'Set'; elts: Expr[] }
    | { k: 'ListComp' | 'SetComp' | 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
    | { k: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
    | { k: 'Await'; value: Expr }
    | { k: 'Yield'; value: Expr | null }
    | { k: 'YieldFrom'; value: Expr }
    | { k: 'Compare'; left: Expr; ops: CmpOpName[]; comparators: Expr[] }
    | { k: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
    /** conversion: -1 none, 115 !s, 114 !r, 97 !a (as in ast). formatSpec is a JoinedStr. */
    | { k: 'FormattedValue'; value: Expr; conversion: number; formatSpec: Expr | null }
    | { k: 'JoinedStr'; values: Expr[] }
    /** kind 'u' for a u'' string (ast keeps it). */
    | { k: 'Constant'; value: ConstValue; kind: 'u' | null }
    | { k: 'Attribute'; value: Expr; attr: string; ctx: ExprContext }
    | { k: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext }
    | { k: 'Starred'; value: Expr; ctx: ExprContext }
    | { k: 'Name'; id: string; ctx: ExprContext }
    | { k: 'List'; elts: Expr[]; ctx: ExprContext }
    | { k: 'Tuple'; elts: Expr[]; ctx: ExprContext }
    | { k: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
  );

export type Stmt = Pos &
  (
    | {
        k: 'FunctionDef' | 'AsyncFunctionDef';
        name: string;
        args: Arguments;
        body: Stmt[];
        decorators: Expr[];
        returns: Expr | null;
      }
    | { k: 'ClassDef'; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[] }
    | { k: 'Return'; value: Expr | null }
    | { k: 'Delete'; targets: Expr[] }
    | { k: 'Assign'; targets: Expr[]; value: Expr }
    | { k: 'AugAssign'; target: Expr; op: BinOpName; value: Expr }
    /** simple: the target is a bare name not in parentheses (then the annotation is stored in __annotations__). */
    | { k: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null; simple: boolean }
    | { k: 'For' | 'AsyncFor'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'With' | 'AsyncWith'; items: WithItem[]; body: Stmt[] }
    | { k: 'Match'; subject: Expr; cases: MatchCase[] }
    | { k: 'Raise'; exc: Expr | null; cause: Expr | null }
    | { k: 'Try' | 'TryStar'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
    | { k: 'Assert'; test: Expr; msg: Expr | null }
    | { k: 'Import'; names: Alias[] }
    /** level: the number of leading dots; module null for `from . import x`. */
    | { k: 'ImportFrom'; module: string | null; names: Alias[]; level: number }
    | { k: 'Global' | 'Nonlocal'; names: string[] }
    | { k: 'Expr'; value: Expr }
    | { k: 'Pass' | 'Break' | 'Continue' }
  );

export interface Module {
  body: Stmt[];
}

export type ExprOf<K extends Expr['k']> = Extract<Expr, { k: K }>;
export type StmtOf<K extends Stmt['k']> = Extract<Stmt, { k: K }>;
