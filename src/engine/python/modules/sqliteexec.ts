import { Database, type Table, type Undo } from './sqlitedb';
import { evaluate, isAggregate, SqlError, truth, type Env } from './sqliteeval';
import { SqliteMemory, tableSchemaBlocks } from './sqlitemem';
import type { Expr, Select, Stmt } from './sqliteast';
import { SqlUnsupported } from './sqlitelex';
import { applyAffinity, compareValues, type Affinity, type SqlValue } from './sqlitevalue';
import { keyText, type Leaf } from './sqlitebtree';

/**
 * One connection's engine: runs parsed statements on its database, keeps the transaction (undo
 * records for ROLLBACK, the journal's pages), and drives the page cache's memory (SqliteMemory) as
 * the pager would: every page the database uses is fetched into the cache once (an in-memory
 * database keeps them all; a file database up to cache_size), changed pages that existed when the
 * transaction began are journaled.
 */
export interface Result {
  columns: string[] | null;
  rows: SqlValue[][];
  changes: number;
  lastRowid: bigint | null;
}

export class SqlConnection {
  inTransaction = false;
  totalChanges = 0;
  lastRowid = 0n;
  private undo: Undo[] = [];
  private journaled = new Set<number>();
  private txnFirstNewId = 0;
  private txnFilePages = 0;
  private schemaBlocks = new Map<Table, number[]>();
  closed = false;

  constructor(
    readonly db: Database,
    readonly mem: SqliteMemory,
  ) {
    // a file database already written: reading its schema loads each table's objects
    for (const t of db.tables.values()) this.loadSchema(t);
  }

  private loadSchema(t: Table): void {
    if (!this.schemaBlocks.has(t)) this.schemaBlocks.set(t, tableSchemaBlocks(this.mem, t.cols.length));
  }

  private dropSchema(t: Table): void {
    for (const p of this.schemaBlocks.get(t) ?? []) this.mem.free(p);
    this.schemaBlocks.delete(t);
  }

  private begin(): void {
    this.inTransaction = true;
    this.undo = [];
    this.journaled.clear();
    this.txnFirstNewId = this.db.ids.next;
    this.txnFilePages = this.db.filePages;
  }

  commit(): void {
    if (!this.inTransaction) return;
    this.inTransaction = false;
    this.undo = [];
    this.mem.endTransaction();
  }

  rollback(): void {
    if (!this.inTransaction) return;
    // by rowid: a row updated, then deleted and put back, is a new Row object
    for (const u of this.undo.reverse()) {
      if (u.k === 'insert') {
        const row = u.t.tree.byRowid.get(u.rowid)!;
        u.t.tree.delete(row);
        for (const ix of u.t.indexes) ix.remove(row.values, row.rowid);
      } else if (u.k === 'delete') {
        u.t.tree.insert(u.rowid, u.values);
        for (const ix of u.t.indexes) ix.add(u.values, u.rowid);
      } else if (u.k === 'update') {
        const row = u.t.tree.byRowid.get(u.rowid)!;
        for (const ix of u.t.indexes) ix.remove(row.values, row.rowid);
        u.t.tree.update(row, u.values);
        for (const ix of u.t.indexes) ix.add(u.values, row.rowid);
      } else if (u.k === 'create') {
        this.db.tables.delete(u.t.name.toLowerCase());
        this.dropSchema(u.t);
      } else {
        this.db.tables.set(u.t.name.toLowerCase(), u.t);
        this.loadSchema(u.t);
      }
    }
    this.inTransaction = false;
    this.undo = [];
    this.mem.endTransaction();
  }

  /** A page written: the pager journals it once if it existed when the transaction began. */
  private wrote(leaf: Leaf | null, t: Table | null): void {
    this.mem.firstWrite();
    const journal = (id: number): void => {
      if (id < this.txnFirstNewId && !this.journaled.has(id)) {
        this.journaled.add(id);
        this.mem.journalPage();
      }
    };
    if (leaf !== null) journal(leaf.id);
    if (t !== null && t.tree.leaves.length > 1) journal(t.rootId);
    if (this.db.usedPages() > this.txnFilePages) journal(1);
    this.db.grow();
    this.mem.touchPages(this.db.filePages);
  }

  run(stmt: Stmt, params: (i: number) => SqlValue, sql: string): Result {
    if (this.closed) throw new SqlError('Cannot operate on a closed database.', 'ProgrammingError');
    const autocommit = !this.inTransaction && stmt.k !== 'begin';
    if (autocommit && !['select', 'commit', 'rollback', 'vacuum', 'pragma'].includes(stmt.k)) this.begin();
    const result: Result = { columns: null, rows: [], changes: 0, lastRowid: null };
    try {
      this.execute(stmt, params, sql, result);
    } catch (e) {
      if (autocommit) this.rollback();
      throw e;
    }
    if (autocommit && this.inTransaction) this.commit();
    return result;
  }

  private execute(stmt: Stmt, params: (i: number) => SqlValue, sql: string, out: Result): void {
    switch (stmt.k) {
      case 'begin':
        if (this.inTransaction) throw new SqlError('cannot start a transaction within a transaction');
        this.begin();
        return;
      case 'commit':
        if (!this.inTransaction) throw new SqlError('cannot commit - no transaction is active');
        this.commit();
        return;
      case 'rollback':
        if (!this.inTransaction) throw new SqlError('cannot rollback - no transaction is active');
        this.rollback();
        return;
      case 'vacuum':
        if (this.inTransaction) throw new SqlError('cannot VACUUM from within a transaction');
        this.vacuum();
        return;
      case 'pragma':
        return this.pragma(stmt.name, stmt.value === null ? null : evaluate(stmt.value, NO_ROW), out);
      case 'create': {
        if (this.db.tables.has(stmt.table.toLowerCase())) {
          if (stmt.ifNotExists) return;
          throw new SqlError(`table ${stmt.table} already exists`);
        }
        const t = this.db.createTable(stmt.table, stmt.cols, stmt.uniques, sql);
        this.undo.push({ k: 'create', t });
        this.loadSchema(t);
        this.wrote(null, null);
        return;
      }
      case 'createIndex': {
        if (this.db.findIndex(stmt.name)) {
          if (stmt.ifNotExists) return;
          throw new SqlError(`index ${stmt.name} already exists`);
        }
        const t = this.db.table(stmt.table);
        this.db.createIndex(t, stmt.name, stmt.cols, stmt.unique);
        this.wrote(null, null);
        return;
      }
      case 'drop': {
        if (stmt.what === 'index') {
          const found = this.db.findIndex(stmt.name);
          if (found === null) {
            if (stmt.ifExists) return;
            throw new SqlError(`no such index: ${stmt.name}`);
          }
          found.t.indexes.splice(found.t.indexes.indexOf(found.ix), 1);
          this.wrote(null, null);
          return;
        }
        const t = this.db.tables.get(stmt.name.toLowerCase());
        if (t === undefined) {
          if (stmt.ifExists) return;
          throw new SqlError(`no such table: ${stmt.name}`);
        }
        this.db.tables.delete(stmt.name.toLowerCase());
        this.undo.push({ k: 'drop', t });
        this.dropSchema(t);
        this.wrote(null, null);
        return;
      }
      case 'insert':
        return this.insert(stmt, params, out);
      case 'update':
      case 'delete':
        return this.modify(stmt, params, out);
      case 'select': {
        const r = runSelect(this.db, stmt, params);
        out.columns = r.columns;
        out.rows = r.rows;
        // the scan fetched the tables' pages into the cache
        this.mem.touchPages(Math.min(this.db.filePages, this.mem.cachedPages + r.pagesRead));
        return;
      }
    }
  }

  /**
   * VACUUM (sqlite3RunVacuum): the live content is copied into a temporary database (its own
   * pages), then copied back over the main one, the file cut to the new size, the temporary
   * database freed. An in-memory database's copy journals nothing (the heap grew only ~290 KB). Measured (s17std_sqlite_transaction_rollback, 3.11.7):
   * the heap grows ~290 KB and 4 MiB of the dropped pages stay free inside it, not trimmed: the
   * main database's new pages sit above them.
   */
  private vacuum(): void {
    const used = this.db.usedPages();
    const temp: number[] = [];
    for (let i = 0; i < used; i++) temp.push(this.mem.block(4368));
    this.begin();
    this.mem.firstWrite();
    this.db.vacuum();
    // the copied-back pages are fetched anew (above the temporary ones), the old ones all dropped
    this.mem.replacePages(this.db.filePages);
    for (const p of temp) this.mem.free(p);
    this.commit();
  }

  private pragma(name: string, value: SqlValue, out: Result): void {
    if (name === 'cache_size' && value !== null) this.mem.setCacheSize(Number(value));
    else if (name === 'page_count') {
      out.columns = ['page_count'];
      out.rows = [[BigInt(this.db.written ? this.db.filePages : 0)]];
    } else if (name === 'page_size') {
      out.columns = ['page_size'];
      out.rows = [[4096n]];
    } else if (name === 'freelist_count') {
      out.columns = ['freelist_count'];
      out.rows = [[BigInt(this.db.filePages - this.db.usedPages())]];
    } else if (name === 'cache_size') {
      out.columns = ['cache_size'];
      out.rows = [[this.mem.inMemory ? -2000n : BigInt(-Math.round((this.mem.cacheMax * 4368) / 1024))]];
    } else if (!['journal_mode', 'synchronous', 'foreign_keys', 'temp_store'].includes(name))
      throw new SqlUnsupported(`PRAGMA ${name}`);
  }

  private insert(stmt: Extract<Stmt, { k: 'insert' }>, params: (i: number) => SqlValue, out: Result): void {
    const t = this.db.table(stmt.table);
    const names = stmt.cols ?? t.cols.map((c) => c.name);
    const at = names.map((n) => {
      const i = t.cols.findIndex((c) => c.name.toLowerCase() === n.toLowerCase());
      if (i < 0) throw new SqlError(`table ${t.name} has no column named ${n}`);
      return i;
    });
    let sources: SqlValue[][];
    if (stmt.select !== null) sources = runSelect(this.db, stmt.select, params).rows;
    else sources = stmt.rows!.map((r) => r.map((e) => evaluate(e, paramEnv(params))));
    for (const src of sources) {
      if (stmt.rows !== null && src.length !== at.length && !(src.length === 0 && stmt.cols === null))
        throw new SqlError(
          `table ${t.name} has ${t.cols.length} columns but ${src.length} values were supplied`,
        );
      const values: SqlValue[] = t.cols.map((c) => (c.dflt === null ? null : evaluate(c.dflt, NO_ROW)));
      at.forEach((col, k) => (values[col] = src[k] ?? null));
      for (let i = 0; i < values.length; i++) values[i] = applyAffinity(values[i], t.affinities[i]);
      let rowid: bigint;
      if (t.ipk >= 0 && values[t.ipk] !== null) {
        const v = values[t.ipk];
        if (typeof v !== 'bigint') throw new SqlError('datatype mismatch', 'IntegrityError');
        rowid = v;
      } else rowid = t.tree.count === 0 && t.tree.maxRowid === 0n ? 1n : t.tree.maxRowid + 1n;
      if (t.ipk >= 0) values[t.ipk] = null; // the rowid alias is stored as NULL in the record
      t.cols.forEach((c, i) => {
        if (c.notNull && values[i] === null && i !== t.ipk)
          throw new SqlError(`NOT NULL constraint failed: ${t.name}.${c.name}`, 'IntegrityError');
      });
      const clash = t.tree.byRowid.get(rowid);
      const conflicting = t.indexes.find((ix) => ix.conflicts(values));
      if (clash !== undefined || conflicting !== undefined) {
        if (stmt.or === 'ignore') continue;
        if (stmt.or !== 'replace') {
          const cols =
            clash !== undefined
              ? [t.cols[t.ipk]?.name ?? 'rowid']
              : conflicting!.cols.map((c) => t.cols[c].name);
          throw new SqlError(
            `UNIQUE constraint failed: ${cols.map((c) => `${t.name}.${c}`).join(', ')}`,
            'IntegrityError',
          );
        }
        const victims = [...t.tree.scan()].filter(
          (r) =>
            r.rowid === rowid ||
            t.indexes.some((ix) => ix.unique && ix.keyOf(r.values).text === ix.keyOf(values).text),
        );
        for (const r of victims) this.deleteRow(t, r);
      }
      const leaf = t.tree.insert(rowid, values);
      for (const ix of t.indexes) ix.add(values, rowid);
      this.undo.push({ k: 'insert', t, rowid });
      this.wrote(leaf, t);
      out.changes++;
      out.lastRowid = rowid;
      this.lastRowid = rowid;
    }
    this.totalChanges += out.changes;
  }

  private deleteRow(t: Table, r: ReturnType<Table['tree']['byRowid']['get']> & object): void {
    for (const ix of t.indexes) ix.remove(r.values, r.rowid);
    const leaf = t.tree.delete(r);
    this.undo.push({ k: 'delete', t, rowid: r.rowid, values: r.values });
    this.wrote(leaf, t);
  }

  private modify(
    stmt: Extract<Stmt, { k: 'update' | 'delete' }>,
    params: (i: number) => SqlValue,
    out: Result,
  ): void {
    const t = this.db.table(stmt.table);
    const hits = [...t.tree.scan()].filter(
      (r) =>
        stmt.where === null ||
        truth(evaluate(stmt.where, rowEnv(t, null, r.rowid, r.values, params))) === true,
    );
    if (stmt.k === 'delete') {
      for (const r of hits) this.deleteRow(t, r);
    } else {
      const sets = stmt.sets.map(([c, e]) => {
        const i = t.cols.findIndex((x) => x.name.toLowerCase() === c.toLowerCase());
        if (i < 0) throw new SqlError(`no such column: ${c}`);
        return [i, e] as const;
      });
      for (const r of hits) {
        const env = rowEnv(t, null, r.rowid, r.values, params);
        const values = [...r.values];
        for (const [i, e] of sets) values[i] = applyAffinity(evaluate(e, env), t.affinities[i]);
        if (t.ipk >= 0 && sets.some(([i]) => i === t.ipk))
          throw new SqlUnsupported('UPDATE of the INTEGER PRIMARY KEY');
        t.cols.forEach((c, i) => {
          if (c.notNull && values[i] === null && i !== t.ipk)
            throw new SqlError(`NOT NULL constraint failed: ${t.name}.${c.name}`, 'IntegrityError');
        });
        for (const ix of t.indexes) ix.remove(r.values, r.rowid);
        const clash = t.indexes.find((ix) => ix.conflicts(values));
        if (clash !== undefined) {
          for (const ix of t.indexes) ix.add(r.values, r.rowid);
          throw new SqlError(
            `UNIQUE constraint failed: ${clash.cols.map((c) => `${t.name}.${t.cols[c].name}`).join(', ')}`,
            'IntegrityError',
          );
        }
        this.undo.push({ k: 'update', t, rowid: r.rowid, values: r.values });
        const leaf = t.tree.update(r, values);
        for (const ix of t.indexes) ix.add(values, r.rowid);
        this.wrote(leaf, t);
      }
    }
    out.changes = hits.length;
    this.totalChanges += hits.length;
  }

  close(): void {
    if (this.closed) return;
    this.rollback();
    for (const t of [...this.schemaBlocks.keys()]) this.dropSchema(t);
    this.mem.close();
    this.closed = true;
  }
}

const NO_ROW: Env = {
  column: (name) => {
    throw new SqlError(`no such column: ${name}`);
  },
  param: () => null,
  group: null,
};

function paramEnv(params: (i: number) => SqlValue): Env {
  return { ...NO_ROW, param: params };
}

function rowEnv(
  t: Table,
  alias: string | null,
  rowid: bigint,
  values: SqlValue[],
  params: (i: number) => SqlValue,
): Env {
  return {
    column(name, table) {
      if (table !== null && table.toLowerCase() !== (alias ?? t.name).toLowerCase())
        throw new SqlError(`no such column: ${table}.${name}`);
      const i = t.cols.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
      if (i === t.ipk && i >= 0) return { v: rowid, aff: 'integer' };
      if (i >= 0) return { v: values[i], aff: t.affinities[i] };
      if (/^(rowid|oid|_rowid_)$/i.test(name)) return { v: rowid, aff: 'integer' };
      throw new SqlError(`no such column: ${table === null ? name : `${table}.${name}`}`);
    },
    param: params,
    group: null,
  };
}

interface Source {
  t: Table;
  alias: string;
}

/** A joined row: each source's row (null: the LEFT JOIN's missing side). */
type Joined = ({ rowid: bigint; values: SqlValue[] } | null)[];

function joinedEnv(sources: Source[], row: Joined, params: (i: number) => SqlValue): Env {
  return {
    column(name, table) {
      let found: { v: SqlValue; aff: Affinity | null } | null = null;
      for (let s = 0; s < sources.length; s++) {
        const { t, alias } = sources[s];
        if (table !== null && table.toLowerCase() !== alias.toLowerCase()) continue;
        const i = t.cols.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
        const isRowid = i < 0 && /^(rowid|oid|_rowid_)$/i.test(name);
        if (i < 0 && !isRowid) continue;
        if (found !== null) throw new SqlError(`ambiguous column name: ${name}`);
        const r = row[s];
        if (r === null) found = { v: null, aff: i >= 0 ? t.affinities[i] : 'integer' };
        else if (isRowid || i === t.ipk) found = { v: r.rowid, aff: 'integer' };
        else found = { v: r.values[i], aff: t.affinities[i] };
      }
      if (found === null) throw new SqlError(`no such column: ${table === null ? name : `${table}.${name}`}`);
      return found;
    },
    param: params,
    group: null,
  };
}

export function runSelect(
  db: Database,
  s: Select,
  params: (i: number) => SqlValue,
): { columns: string[]; rows: SqlValue[][]; pagesRead: number } {
  const sources: Source[] = [];
  if (s.from !== null) sources.push({ t: db.table(s.from.table), alias: s.from.alias ?? s.from.table });
  for (const j of s.joins) sources.push({ t: db.table(j.table), alias: j.alias ?? j.table });
  let pagesRead = 0;
  for (const src of sources) pagesRead += src.t.tree.pages;
  // result columns: * expands to every source's columns
  const outCols: { name: string; expr: Expr }[] = [];
  for (const c of s.cols) {
    if (c.star !== null) {
      if (sources.length === 0) throw new SqlError('no tables specified');
      for (const src of sources) {
        if (c.star !== true && c.star.toLowerCase() !== src.alias.toLowerCase()) continue;
        for (const col of src.t.cols)
          outCols.push({ name: col.name, expr: { k: 'col', name: col.name, table: src.alias } });
      }
    } else {
      const e = c.expr!;
      let name = c.alias ?? c.text;
      if (c.alias === null && e.k === 'col') {
        const src = sources.find(
          (x) =>
            (e.table === null || x.alias.toLowerCase() === e.table.toLowerCase()) &&
            x.t.cols.some((k) => k.name.toLowerCase() === e.name.toLowerCase()),
        );
        name = src?.t.cols.find((k) => k.name.toLowerCase() === e.name.toLowerCase())?.name ?? e.name;
      }
      outCols.push({ name, expr: e });
    }
  }
  // GROUP BY, HAVING and ORDER BY may name a result column's alias (resolveOrderGroupBy)
  const hasColumn = (name: string): boolean =>
    sources.some((x) => x.t.cols.some((k) => k.name.toLowerCase() === name.toLowerCase()));
  const byAlias = (e: Expr): Expr => {
    if (e.k !== 'col' || e.table !== null) return e;
    const k = s.cols.findIndex((c) => c.alias?.toLowerCase() === e.name.toLowerCase());
    return k >= 0 && !hasColumn(e.name) && s.cols[k].expr !== null ? s.cols[k].expr! : e;
  };
  const groupBy = s.groupBy.map(byAlias);
  const having = s.having === null ? null : byAlias(s.having);
  // the joined rows, filtered by WHERE
  let rows: Joined[] = [[]];
  sources.forEach((src, si) => {
    const join = si === 0 ? null : s.joins[si - 1];
    const next: Joined[] = [];
    for (const r of rows) {
      let matched = false;
      for (const row of src.t.tree.scan()) {
        const cand: Joined = [...r, { rowid: row.rowid, values: row.values }];
        if (join?.on && truth(evaluate(join.on, joinedEnv(sources.slice(0, si + 1), cand, params))) !== true)
          continue;
        matched = true;
        next.push(cand);
      }
      if (!matched && join?.left) next.push([...r, null]);
    }
    rows = next;
  });
  const envOf = (r: Joined): Env => joinedEnv(sources, r, params);
  if (s.where !== null) rows = rows.filter((r) => truth(evaluate(s.where!, envOf(r))) === true);
  const aggregate =
    groupBy.length > 0 ||
    outCols.some((c) => isAggregate(c.expr)) ||
    (having !== null && isAggregate(having));
  // each output row with what ORDER BY reads
  let out: { values: SqlValue[]; env: Env }[];
  if (aggregate) {
    const groups = new Map<string, Env[]>();
    for (const r of rows) {
      const env = envOf(r);
      const key = groupBy.map((g) => keyText(evaluate(g, env))).join('\u0000');
      const g = groups.get(key);
      if (g === undefined) groups.set(key, [env]);
      else g.push(env);
    }
    if (groups.size === 0 && groupBy.length === 0) groups.set('', []);
    out = [];
    for (const members of groups.values()) {
      const first = members[0] ?? envOf(sources.map(() => null));
      const env: Env = { ...first, group: members };
      if (having !== null && truth(evaluate(having, env)) !== true) continue;
      out.push({ values: outCols.map((c) => evaluate(c.expr, env)), env });
    }
  } else
    out = rows.map((r) => {
      const env = envOf(r);
      return { values: outCols.map((c) => evaluate(c.expr, env)), env };
    });
  if (s.distinct) {
    const seen = new Set<string>();
    out = out.filter((r) => {
      const k = r.values.map(keyText).join('\u0000');
      return seen.has(k) ? false : (seen.add(k), true);
    });
  }
  if (s.orderBy.length > 0) {
    const keyOf = (r: { values: SqlValue[]; env: Env }, e: Expr): SqlValue => {
      if (e.k === 'lit' && typeof e.v === 'bigint') return r.values[Number(e.v) - 1];
      if (e.k === 'col' && e.table === null) {
        const i = outCols.findIndex((_c, k) => s.cols[k]?.alias?.toLowerCase() === e.name.toLowerCase());
        if (i >= 0) return r.values[i];
      }
      return evaluate(e, r.env);
    };
    const keyed = out.map((r) => ({ r, k: s.orderBy.map((o) => keyOf(r, o.e)) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < s.orderBy.length; i++) {
        const c = compareValues(a.k[i], b.k[i]);
        if (c !== 0) return s.orderBy[i].desc ? -c : c;
      }
      return 0;
    });
    out = keyed.map((x) => x.r);
  }
  if (s.limit !== null) {
    const lim = Number(evaluate(s.limit, paramEnv(params)));
    const off = s.offset === null ? 0 : Number(evaluate(s.offset, paramEnv(params)));
    out = out.slice(Math.max(0, off), lim < 0 ? undefined : Math.max(0, off) + lim);
  }
  return { columns: outCols.map((c) => c.name), rows: out.map((r) => r.values), pagesRead };
}
