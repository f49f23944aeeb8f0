import { IndexTree, PageIds, TableTree, type Leaf } from './sqlitebtree';
import { SqlError } from './sqliteeval';
import type { ColumnDef } from './sqliteast';
import { affinityOf, compareValues, type Affinity, type SqlValue } from './sqlitevalue';

/**
 * A database's content: its tables (B-trees of rows), indexes and the page count of its file. An
 * in-memory database belongs to its connection; a file database to its inode in the simulated file
 * system (another connection to the same path sees the same tables). Pages freed by DELETE or DROP
 * go to the freelist: the file (and an in-memory database's page cache) keeps its high-water size
 * until VACUUM rebuilds it.
 */
export interface Table {
  name: string;
  cols: ColumnDef[];
  affinities: Affinity[];
  /** The INTEGER PRIMARY KEY column (the rowid's alias), or −1. */
  ipk: number;
  tree: TableTree;
  indexes: IndexTree[];
  rootId: number;
  /** Its schema objects' blocks (owned by each connection that loaded the schema). */
  createSql: string;
}

export class Database {
  readonly tables = new Map<string, Table>();
  readonly ids = new PageIds();
  /** The file's size in pages (page 1, the schema, and every page ever used since the last VACUUM). */
  filePages = 1;
  schemaVersion = 0;
  /** Whether page 1 holds anything yet (a brand-new database file is 0 bytes until the first write). */
  written = false;

  table(name: string): Table {
    const t = this.tables.get(name.toLowerCase());
    if (t === undefined) throw new SqlError(`no such table: ${name}`);
    return t;
  }

  usedPages(): number {
    let n = 1;
    for (const t of this.tables.values()) {
      n += t.tree.pages;
      for (const ix of t.indexes) n += ix.pages;
    }
    return n;
  }

  /** The file grows to the pages in use; it never shrinks here (freelist). */
  grow(): void {
    this.filePages = Math.max(this.filePages, this.usedPages());
    this.written = true;
  }

  vacuum(): void {
    this.filePages = this.usedPages();
  }

  createTable(name: string, cols: ColumnDef[], uniques: string[][], sql: string): Table {
    const lower = cols.map((c) => c.name.toLowerCase());
    for (let i = 0; i < lower.length; i++)
      if (lower.indexOf(lower[i]) !== i) throw new SqlError(`duplicate column name: ${cols[i].name}`);
    const pk = cols.filter((c) => c.primaryKey);
    if (pk.length > 1) throw new SqlError(`table "${name}" has more than one primary key`);
    const ipk = pk.length === 1 && pk[0].type.toUpperCase() === 'INTEGER' ? cols.indexOf(pk[0]) : -1;
    const affinities = cols.map((c) => affinityOf(c.type));
    const t: Table = {
      name,
      cols,
      affinities,
      ipk,
      tree: new TableTree(this.ids, affinities),
      indexes: [],
      rootId: this.ids.take(),
      createSql: sql,
    };
    // a PRIMARY KEY that is not the rowid, and each UNIQUE, get an automatic index
    let auto = 0;
    const autoIndex = (names: string[]): void => {
      const idx = names.map((n) => lower.indexOf(n.toLowerCase()));
      if (idx.includes(-1)) throw new SqlError(`no such column: ${names[idx.indexOf(-1)]}`);
      t.indexes.push(new IndexTree(`sqlite_autoindex_${name}_${++auto}`, idx, true));
    };
    for (const c of cols) if ((c.primaryKey && cols.indexOf(c) !== ipk) || c.unique) autoIndex([c.name]);
    for (const u of uniques) autoIndex(u);
    this.tables.set(name.toLowerCase(), t);
    this.schemaVersion++;
    // AUTOINCREMENT keeps each table's largest rowid in sqlite_sequence, made with the first such table
    if (cols.some((c) => c.autoincrement) && !this.tables.has('sqlite_sequence')) {
      const seq = (n: string): ColumnDef => ({
        name: n,
        type: '',
        primaryKey: false,
        unique: false,
        notNull: false,
        dflt: null,
        autoincrement: false,
      });
      this.createTable(
        'sqlite_sequence',
        [seq('name'), seq('seq')],
        [],
        'CREATE TABLE sqlite_sequence(name,seq)',
      );
    }
    return t;
  }

  createIndex(t: Table, name: string, cols: string[], unique: boolean): IndexTree {
    const idx = cols.map((n) => t.cols.findIndex((c) => c.name.toLowerCase() === n.toLowerCase()));
    if (idx.includes(-1)) throw new SqlError(`no such column: ${cols[idx.indexOf(-1)]}`);
    const ix = new IndexTree(name, idx, unique);
    // CREATE INDEX sorts the entries first (the sorter), then fills the pages in order
    const rows = [...t.tree.scan()];
    const entries = rows.map((r) => ({ r, k: ix.keyOf(r.values).key }));
    entries.sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) {
        const c = compareValues(a.k[i], b.k[i]);
        if (c !== 0) return c;
      }
      return a.r.rowid < b.r.rowid ? -1 : 1;
    });
    for (const { r } of entries) {
      if (ix.conflicts(r.values))
        throw new SqlError(
          `UNIQUE constraint failed: ${t.name}.${cols.join(`, ${t.name}.`)}`,
          'IntegrityError',
        );
      ix.add(r.values, r.rowid);
    }
    t.indexes.push(ix);
    this.schemaVersion++;
    return ix;
  }

  findIndex(name: string): { t: Table; ix: IndexTree } | null {
    for (const t of this.tables.values()) {
      const ix = t.indexes.find((i) => i.name.toLowerCase() === name.toLowerCase());
      if (ix) return { t, ix };
    }
    return null;
  }
}

/** Undo records of the open transaction (ROLLBACK replays them backwards). */
export type Undo =
  | { k: 'insert'; t: Table; rowid: bigint }
  | { k: 'delete'; t: Table; rowid: bigint; values: SqlValue[] }
  | { k: 'update'; t: Table; rowid: bigint; values: SqlValue[] }
  | { k: 'create'; t: Table }
  | { k: 'drop'; t: Table };

export type { Leaf };
