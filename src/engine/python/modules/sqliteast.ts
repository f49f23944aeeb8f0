/**
 * The statements the SQL parser (sqlitesql.ts) makes: expressions, column definitions, SELECT's parts,
 * one type per statement kind the executor (sqliteexec.ts) runs.
 */
import type { SqlValue } from './sqlitevalue';

export type Expr =
  | { k: 'lit'; v: SqlValue }
  | { k: 'param'; index: number; name: string | null }
  | { k: 'col'; name: string; table: string | null }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'fn'; name: string; args: Expr[]; star: boolean; distinct: boolean }
  | { k: 'isnull'; e: Expr; not: boolean }
  | { k: 'in'; e: Expr; list: Expr[]; not: boolean }
  | { k: 'between'; e: Expr; lo: Expr; hi: Expr; not: boolean }
  | { k: 'like'; e: Expr; pat: Expr; not: boolean; glob: boolean }
  | { k: 'case'; base: Expr | null; whens: [Expr, Expr][]; else: Expr | null }
  | { k: 'cast'; e: Expr; type: string };

export interface ColumnDef {
  name: string;
  type: string;
  primaryKey: boolean;
  unique: boolean;
  notNull: boolean;
  dflt: Expr | null;
  autoincrement: boolean;
}

export interface ResultCol {
  star: string | true | null;
  expr: Expr | null;
  alias: string | null;
  /** The expression as written (sqlite3's column name when there is no alias and it is not a column). */
  text: string;
}

export interface Join {
  table: string;
  alias: string | null;
  on: Expr | null;
  left: boolean;
}

export interface Select {
  k: 'select';
  distinct: boolean;
  cols: ResultCol[];
  from: { table: string; alias: string | null } | null;
  joins: Join[];
  where: Expr | null;
  groupBy: Expr[];
  having: Expr | null;
  orderBy: { e: Expr; desc: boolean }[];
  limit: Expr | null;
  offset: Expr | null;
}

export type Stmt =
  | { k: 'create'; table: string; ifNotExists: boolean; cols: ColumnDef[]; uniques: string[][] }
  | { k: 'createIndex'; name: string; table: string; cols: string[]; unique: boolean; ifNotExists: boolean }
  | { k: 'drop'; what: 'table' | 'index'; name: string; ifExists: boolean }
  | {
      k: 'insert';
      table: string;
      cols: string[] | null;
      rows: Expr[][] | null;
      select: Select | null;
      or: string | null;
    }
  | Select
  | { k: 'update'; table: string; sets: [string, Expr][]; where: Expr | null }
  | { k: 'delete'; table: string; where: Expr | null }
  | { k: 'begin' | 'commit' | 'rollback' | 'vacuum' }
  | { k: 'pragma'; name: string; value: Expr | null };

