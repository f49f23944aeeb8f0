import { call } from '../abstract/call';
import { getIter, iterNext } from '../abstract/iter';
import { E } from '../objects/exctypes';
import { raiseString } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import { builtinStatic } from '../objects/descr';
import { dictGetItem } from '../objects/dict';
import { fromDouble } from '../objects/float';
import { fromLong, intValue } from '../objects/int';
import { listAppend, listItem, listNew } from '../objects/list';
import { strNew, strResult, strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { bytesNew } from '../objects/bytes';
import { Meth, T, TpFlags } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { dataView, latin1, releaseView, viewBytes } from './clib';
import { fn } from './module';
import { fspath } from './osfile';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { simFs, type Inode } from './simfs';
import { SQLITE3_SOURCE } from './sqlite3Source';
import { Database } from './sqlitedb';
import { SqlError } from './sqliteeval';
import { SqlConnection, type Result } from './sqliteexec';
import { SqliteMemory, statementBlocks } from './sqlitemem';
import type { Stmt } from './sqliteast';
import { splitStatements, SqlMultiple, SqlSyntaxError, SqlUnsupported } from './sqlitelex';
import { parseStatement } from './sqlitesql';
import type { SqlValue } from './sqlitevalue';
import { unsupportedHelper, moduleFromGlobals } from './typing';

/**
 * sqlite3 (Lib/sqlite3 over Modules/_sqlite, 3.11) with SQLite's memory modelled (sqlitemem.ts):
 * Connection, Cursor and Row are Python here (sqlite3Source.ts) over these helpers, which hold the
 * databases, parse and run the SQL (sqlitesql/sqliteexec.ts) and make the rows as _sqlite3 makes
 * them (_pysqlite_fetch_one_row: a tuple of the column count, then each value — PyLong for INTEGER,
 * PyFloat for REAL, a decoded str for TEXT, bytes for BLOB —, the row factory called on the
 * cursor and the tuple; fetchall appends each to a list grown from empty). CPython's statement
 * cache (128 statements by SQL text, an LRU) keeps each prepared statement's SQLite memory.
 */
interface Prepared {
  stmt: Stmt;
  params: number;
  names: string[];
  blocks: number[];
  sql: number;
}

interface Conn {
  engine: SqlConnection;
  cache: Map<string, Prepared>;
  cacheMax: number;
}

interface Pending {
  rows: SqlValue[][];
  pos: number;
}

const dbOfInode = new WeakMap<Inode, Database>();

function bind(vm: Vm, h: number, err: (kind: string, msg: string) => never): SqlValue {
  const t = vm.table.type[h];
  if (h === vm.s.None) return null;
  if (t === T.Int || t === T.Bool || isIntLike(vm, h)) {
    const v = BigInt(intValue(vm, h));
    if (v >= 1n << 63n || v < -(1n << 63n)) throw raiseOverflow(vm);
    return v;
  }
  if (t === T.Float) return vm.table.num[h];
  if (t === T.Str) return strValue(vm, h);
  if (t === T.Bytes || t === T.ByteArray || typeName(vm, h) === 'memoryview') {
    const view = dataView(vm, h, null);
    try {
      return viewBytes(vm, view);
    } finally {
      releaseView(vm, view);
    }
  }
  return err('ProgrammingError', `type '${typeName(vm, h)}' is not supported`);
}

/** PyLong_Check: an int subclass (IntEnum, IntFlag) binds as an INTEGER too. */
function isIntLike(vm: Vm, h: number): boolean {
  return (vm.types[vm.table.type[h]].flags & TpFlags.LongSubclass) !== 0;
}

function raiseOverflow(vm: Vm): Error {
  return raiseString(vm, E.OverflowError, 'Python int too large to convert to SQLite INTEGER');
}

/** A value as _pysqlite_fetch_one_row converts it. */
function pyValue(vm: Vm, v: SqlValue): number {
  if (v === null) return vm.s.None;
  if (typeof v === 'bigint') return fromLong(vm, v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v);
  if (typeof v === 'number') return fromDouble(vm, v);
  if (typeof v === 'string') return v.length === 0 ? strNew(vm, '') : strResult(vm, v);
  return bytesNew(vm, latin1(v));
}

function load(vm: Vm): number {
  const conns = new Map<number, Conn>();
  const pendings = new Map<number, Pending>();
  let nextId = 1;
  let errors: Record<string, number> = {};
  const fail = (kind: string, msg: string): never => {
    throw raiseString(vm, vm.slotsOf(errors[kind]).id, msg);
  };
  const conn = (h: number): Conn => {
    const c = conns.get(Number(intValue(vm, h)));
    if (c === undefined || c.engine.closed)
      return fail('ProgrammingError', 'Cannot operate on a closed database.');
    return c;
  };
  const guard = <R>(f: () => R): R => {
    try {
      return f();
    } catch (e) {
      if (e instanceof SqlError) return fail(e.kind, e.message);
      if (e instanceof SqlSyntaxError) return fail('OperationalError', e.message);
      if (e instanceof SqlMultiple) return fail('ProgrammingError', e.message);
      if (e instanceof SqlUnsupported) throw new NotSupported(`sqlite3: ${e.message}`);
      throw e;
    }
  };

  /** pysqlite_statement_create through the connection's LRU statement cache. */
  const prepare = (c: Conn, sqlObj: number): Prepared => {
    const sql = strValue(vm, sqlObj);
    const hit = c.cache.get(sql);
    if (hit !== undefined) {
      c.cache.delete(sql);
      c.cache.set(sql, hit);
      return hit;
    }
    const parsed = guard(() => parseStatement(sql));
    const cols = parsed.stmt.k === 'select' ? parsed.stmt.cols.length : 0;
    vm.incref(sqlObj);
    const p: Prepared = {
      ...parsed,
      blocks: statementBlocks(c.engine.mem, cols, parsed.params),
      sql: sqlObj,
    };
    if (c.cacheMax > 0) {
      c.cache.set(sql, p);
      if (c.cache.size > c.cacheMax) {
        const [oldest, old] = c.cache.entries().next().value as [string, Prepared];
        c.cache.delete(oldest);
        finalize(c, old);
      }
    }
    return p;
  };
  const finalize = (c: Conn, p: Prepared): void => {
    for (const b of p.blocks) c.engine.mem.free(b);
    p.blocks = [];
    vm.decref(p.sql);
  };

  const paramsOf = (p: Prepared, h: number): ((i: number) => SqlValue) => {
    const t = vm.table.type[h];
    const values: SqlValue[] = [];
    const bindErr =
      (i: number) =>
      (kind: string, msg: string): never =>
        fail(kind, `Error binding parameter ${i}: ${msg}`);
    if (t === T.Dict || vm.types[t].name === 'dict') {
      for (let i = 1; i <= p.params; i++) {
        const name = p.names[i - 1];
        if (name === undefined)
          return fail(
            'ProgrammingError',
            'Binding 1 has no name, but you supplied a dictionary (which has only names).',
          );
        const key = strNew(vm, name.slice(1));
        const v = dictGetItem(vm, h, key);
        vm.decref(key);
        if (v === 0)
          return fail('ProgrammingError', `You did not supply a value for binding parameter ${name}.`);
        values.push(bind(vm, v, bindErr(i)));
      }
    } else if (t === T.Tuple || t === T.List) {
      const n = t === T.Tuple ? tupleItems(vm, h).length : vm.table.n[h];
      if (n !== p.params)
        return fail(
          'ProgrammingError',
          `Incorrect number of bindings supplied. The current statement uses ${p.params}, and there are ${n} supplied.`,
        );
      for (let i = 0; i < n; i++)
        values.push(bind(vm, t === T.Tuple ? tupleItems(vm, h)[i] : listItem(vm, h, i), bindErr(i + 1)));
    } else return fail('ProgrammingError', 'parameters are of unsupported type');
    return (i) => values[i - 1] ?? null;
  };

  /** _pysqlite_query_execute's implicit BEGIN (isolation_level not None, a DML statement, no transaction). */
  const implicitBegin = (c: Conn, stmt: Stmt, iso: number): void => {
    if (
      iso !== vm.s.None &&
      (stmt.k === 'insert' || stmt.k === 'update' || stmt.k === 'delete') &&
      !c.engine.inTransaction
    )
      guard(() => c.engine.run({ k: 'begin' }, () => null, 'BEGIN'));
  };

  const description = (r: Result): number => {
    if (r.columns === null) return vm.s.None;
    return tupleFromItems(
      vm,
      r.columns.map((name) => tupleFromItems(vm, [strNew(vm, name), ...Array(6).fill(vm.s.None)])),
    );
  };

  const pending = (r: Result): number => {
    if (r.columns === null) return vm.s.None;
    const id = nextId++;
    pendings.set(id, { rows: r.rows, pos: 0 });
    return fromLong(vm, id);
  };

  const helpers = {
    _hw_connect: fn('_hw_connect', Meth.Fastcall, (_vm, _s, a) => {
      const path = fspath(vm, a[0], 'connect');
      const cacheMax = Number(intValue(vm, a[1]));
      const inMemory = path === ':memory:' || path === '';
      let db: Database;
      if (inMemory) db = new Database();
      else {
        const fs = simFs(vm);
        let fd: number;
        try {
          fd = fs.open(vm, path, {
            read: true,
            write: true,
            create: true,
            truncate: false,
            exclusive: false,
            append: false,
          });
        } catch (e) {
          if (e instanceof NotSupported) throw e;
          return fail('OperationalError', 'unable to open database file');
        }
        const inode = fs.file(vm, fd).inode;
        fs.close(vm, fd);
        db = dbOfInode.get(inode) ?? new Database();
        dbOfInode.set(inode, db);
      }
      const engine = new SqlConnection(db, new SqliteMemory(vm, inMemory));
      const id = nextId++;
      conns.set(id, { engine, cache: new Map(), cacheMax });
      return fromLong(vm, id);
    }),
    _hw_execute: fn('_hw_execute', Meth.Fastcall, (_vm, _s, a) => {
      const c = conn(a[0]);
      const p = prepare(c, a[1]);
      const params = paramsOf(p, a[2]);
      implicitBegin(c, p.stmt, a[3]);
      const r = guard(() => c.engine.run(p.stmt, params, strValue(vm, a[1])));
      if (c.cacheMax === 0) finalize(c, p);
      syncFile(vm, c);
      const isDml = p.stmt.k === 'insert' || p.stmt.k === 'update' || p.stmt.k === 'delete';
      return tupleFromItems(vm, [
        description(r),
        fromLong(vm, isDml ? r.changes : -1),
        fromLong(vm, c.engine.lastRowid),
        pending(r),
      ]);
    }),
    _hw_executemany: fn('_hw_executemany', Meth.Fastcall, (_vm, _s, a) => {
      const c = conn(a[0]);
      const p = prepare(c, a[1]);
      if (!(p.stmt.k === 'insert' || p.stmt.k === 'update' || p.stmt.k === 'delete'))
        return fail('ProgrammingError', 'executemany() can only execute DML statements.');
      let changes = 0;
      const it = a[2];
      const each = (h: number): void => {
        const params = paramsOf(p, h);
        implicitBegin(c, p.stmt, a[3]);
        changes += guard(() => c.engine.run(p.stmt, params, '')).changes;
      };
      const t = vm.table.type[it];
      if (t === T.List) for (let i = 0; i < vm.table.n[it]; i++) each(listItem(vm, it, i));
      else if (t === T.Tuple) for (const h of tupleItems(vm, it)) each(h);
      else {
        // any other iterable (a generator, map, zip): one item at a time, as PyIter_Next
        const iter = getIter(vm, it);
        try {
          for (;;) {
            const next = nextOf(vm, iter);
            if (next === 0) break;
            try {
              each(next);
            } finally {
              vm.decref(next);
            }
          }
        } finally {
          vm.decref(iter);
        }
      }
      syncFile(vm, c);
      return fromLong(vm, changes);
    }),
    _hw_script: fn('_hw_script', Meth.Fastcall, (_vm, _s, a) => {
      const c = conn(a[0]);
      if (c.engine.inTransaction) c.engine.commit();
      const sql = strValue(vm, a[1]);
      for (const text of guard(() => splitStatements(sql))) {
        const parsed = guard(() => parseStatement(text));
        const blocks = statementBlocks(c.engine.mem, 0, 0);
        try {
          guard(() => c.engine.run(parsed.stmt, () => null, text));
        } finally {
          for (const b of blocks) c.engine.mem.free(b);
        }
      }
      syncFile(vm, c);
      return vm.s.None;
    }),
    _hw_fetch: fn('_hw_fetch', Meth.Fastcall, (_vm, _s, a) => {
      // (pending, n, row_factory, cursor): n −1 all (a list), −2 one row or None, else up to n (a list)
      const id = a[0] === vm.s.None ? 0 : Number(intValue(vm, a[0]));
      const q = pendings.get(id);
      const n = Number(intValue(vm, a[1]));
      const row = (): number => {
        const values = q!.rows[q!.pos++];
        let r = tupleFromItems(
          vm,
          values.map((v) => pyValue(vm, v)),
        );
        if (a[2] !== vm.s.None) {
          const made = call(vm, a[2], [a[3], r], null);
          vm.decref(r);
          r = made;
        }
        if (q!.pos >= q!.rows.length) pendings.delete(id);
        return r;
      };
      if (n === -2) return q === undefined || q.pos >= q.rows.length ? vm.s.None : row();
      const list = listNew(vm, 0);
      let k = 0;
      while (q !== undefined && q.pos < q.rows.length && (n < 0 || k < n)) {
        const r = row();
        listAppend(vm, list, r); // steals the row
        k++;
      }
      return list;
    }),
    _hw_end: fn('_hw_end', Meth.Fastcall, (_vm, _s, a) => {
      // (db, 'commit' | 'rollback' | 'close')
      const what = strValue(vm, a[1]);
      const id = Number(intValue(vm, a[0]));
      const c = conns.get(id);
      if (c === undefined || c.engine.closed) {
        if (what === 'close') return vm.s.None;
        return fail('ProgrammingError', 'Cannot operate on a closed database.');
      }
      if (what === 'commit') c.engine.commit();
      else if (what === 'rollback') c.engine.rollback();
      else {
        for (const p of c.cache.values()) finalize(c, p);
        c.cache.clear();
        c.engine.close();
        conns.delete(id);
      }
      syncFile(vm, c);
      return vm.s.None;
    }),
    _hw_state: fn('_hw_state', Meth.Fastcall, (_vm, _s, a) => {
      const c = conn(a[0]);
      return tupleFromItems(vm, [fromLong(vm, c.engine.totalChanges), vm.s.bool(c.engine.inTransaction)]);
    }),
  };
  const names: Record<string, number> = { _hw_unsupported: unsupportedHelper(vm, 'sqlite3') };
  for (const [k, d] of Object.entries(helpers))
    names[k] = builtinStatic(vm, { ...d, qualname: d.name }, 'sqlite3');
  const globals = runPythonPart(vm, 'sqlite3', SQLITE3_SOURCE, names);
  errors = Object.fromEntries(
    ['ProgrammingError', 'OperationalError', 'IntegrityError', 'DataError'].map((k) => [
      k,
      partName(vm, globals, k),
    ]),
  );
  return moduleFromGlobals(vm, 'sqlite3', globals);
}

function nextOf(vm: Vm, iter: number): number {
  return iterNext(vm, iter);
}

/** A file database's size in the simulated file system: its pages, written at each commit. */
function syncFile(vm: Vm, c: Conn): void {
  if (c.engine.mem.inMemory || !c.engine.db.written) return;
  for (const inode of simFs(vm).files.values()) {
    if (dbOfInode.get(inode) === c.engine.db && inode.size !== c.engine.db.filePages * 4096)
      inode.truncate(c.engine.db.filePages * 4096);
  }
}

export const sqlite3Module: ModuleSpec = { name: 'sqlite3', load };
