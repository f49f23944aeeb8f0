import type { Expr, ExprOf, Stmt } from '../syntax/ast';

/** Node types that syntax/ast.ts declares together (sync and async forms share one shape). */
export type FuncDef = Extract<Stmt, { k: 'FunctionDef' | 'AsyncFunctionDef' }>;
export type ForStmt = Extract<Stmt, { k: 'For' | 'AsyncFor' }>;
export type WithStmt = Extract<Stmt, { k: 'With' | 'AsyncWith' }>;
export type TryStmt = Extract<Stmt, { k: 'Try' | 'TryStar' }>;
export type SeqComp = Extract<Expr, { k: 'ListComp' | 'SetComp' | 'GeneratorExp' }>;
export type CompExpr = SeqComp | ExprOf<'DictComp'>;
