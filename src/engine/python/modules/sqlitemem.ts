import type { Vm } from '../runtime/vm';
import { cFree, cMalloc } from './clib';

/**
 * What libsqlite3 3.40.1 (Debian's, which CPython 3.11.7's _sqlite3 links here) asks glibc for,
 * measured with the recorder's C-library log (tools/allocations/hwnumpy.c, "L m SIZE" calls; SQLite's
 * sqlite3MemMalloc adds its 8-byte size header to each request, included below):
 *   - sqlite3_open_v2 of ':memory:': 102 blocks, 14,328 bytes (the connection, its schema hashes,
 *     the built-in functions' FuncDefs, the pager), all freed by close (CONNECTION below, in order);
 *   - a page in the page cache (pcache1Alloc): 4,368 bytes (4,096 of data, PgHdr1 and the pager's
 *     and the btree's extras). An in-memory database is its page cache: every page stays until
 *     close (589 pages for 100,000 rows of (id, 'userN', N/2): 2.5 MiB, measured). A file
 *     database's cache holds at most cache_size pages: the default −2000 means 2,048,000 bytes,
 *     468 pages of this size (pcache1's nMax; 462 measured live after 10,000 rows of 200 bytes);
 *   - the first write allocates the pager's 4,104-byte temporary page (pager TempSpace);
 *   - a write transaction on an in-memory database journals the pages it changes that existed when
 *     it began (memjrnl.c: a 520-byte journal, then 1,032-byte chunks as the 28-byte header and
 *     4,104-byte page records fill them: 5 chunks for one page, 9 for two, measured), freed at COMMIT;
 *   - a prepared statement (sqlite3_prepare_v2: the Vdbe, its ops and result columns): 1,016 + 312
 *     bytes and more per column (3,256 bytes for `select *` of three columns, 1,672 for count(*)),
 *     kept while CPython's statement cache (128 entries) holds it;
 *   - CREATE TABLE's schema objects (Table, columns, the CREATE text): about 1.4 KiB a table.
 */
export const PAGE_BYTES = 4368;
export const TEMP_PAGE = 4104;
const JOURNAL = 520;
const JOURNAL_CHUNK = 1032;
const JOURNAL_CHUNK_DATA = 1024;
const JOURNAL_HEADER = 28;
const JOURNAL_RECORD = 4104;
/** cache_size −2000: −1024 × −2000 bytes of pages. */
export const DEFAULT_CACHE_BYTES = 2048000;

const CONNECTION = [
  848, 48, 136, 40, 136, 40, 136, 40, 80, 160, 16, 808, 4112, 176, 2056, 128, 128, 32, 88, 40, 64, 40, 48,
  136, 48, 16, 48, 16, 48, 24, 96, 40, 96, 16, 32, 88, 40, 16, 32, 88, 40, 24, 32, 96, 40, 24, 32, 96, 24, 32,
  96, 40, 64, 40, 64, 40, 72, 40, 88, 64, 40, 64, 24, 32, 96, 40, 72, 16, 32, 88, 40, 64, 80, 72, 72, 72, 72,
  40, 88, 40, 96, 40, 328, 96, 40, 96, 40, 96, 40, 64, 40, 72, 40, 64, 40, 72, 40, 328, 72, 40, 72, 40,
];

/**
 * libsqlite3's code pages the process faults in on first use (RssFile, measured with
 * /proc/self/status on 3.11.7): the first sqlite3_open_v2 +312 KiB (sqlite3_initialize, the
 * connection's set-up; the recorded s17std_sqlite_memory_load_table's connect step +328 KiB), the
 * first prepared statement +128 KiB (the tokenizer, parser and code generator; +84 KiB in that
 * recording, where fault-around had brought some in already: 104 KiB taken). Later statements of
 * any kind (insert, select, aggregate, update, delete, index, a second connection) added none.
 */
const FIRST_OPEN_FILE_RSS = 312 * 1024;
const FIRST_PREPARE_FILE_RSS = 104 * 1024;
const libraryUsed = new WeakMap<Vm, { prepared: boolean }>();

export class SqliteMemory {
  private readonly connection: number[] = [];
  private readonly pages: number[] = [];
  private tempPage = 0;
  private journal: number[] = [];
  private journalBytes = 0;
  /** The most pages the cache may hold (Infinity for an in-memory database: nowhere to spill). */
  cacheMax: number;

  constructor(
    private readonly vm: Vm,
    readonly inMemory: boolean,
  ) {
    this.cacheMax = inMemory ? Infinity : Math.floor(DEFAULT_CACHE_BYTES / PAGE_BYTES);
    if (!libraryUsed.has(vm)) {
      libraryUsed.set(vm, { prepared: false });
      vm.kernel.baselineRss += FIRST_OPEN_FILE_RSS;
    }
    for (const size of CONNECTION) this.connection.push(cMalloc(vm, size));
  }

  get cachedPages(): number {
    return this.pages.length;
  }

  /** The pager reads or writes `n` distinct pages: the cache grows to them, up to its limit (pcache1Fetch). */
  touchPages(n: number): void {
    const want = Math.min(n, this.cacheMax);
    while (this.pages.length < want) this.pages.push(cMalloc(this.vm, PAGE_BYTES));
  }

  /** The database file shrank (VACUUM, a truncate): pages past the end leave the cache (pcache1Truncate). */
  truncatePages(n: number): void {
    while (this.pages.length > n) cFree(this.vm, this.pages.pop()!);
  }

  /** The cache refilled with `n` new pages, the old ones freed (VACUUM's copy back into an in-memory database). */
  replacePages(n: number): void {
    const old = this.pages.splice(0);
    while (this.pages.length < Math.min(n, this.cacheMax)) this.pages.push(cMalloc(this.vm, PAGE_BYTES));
    for (const p of old) cFree(this.vm, p);
  }

  /** PRAGMA cache_size: a positive value is pages, a negative one KiB; the cache shrinks to it at once. */
  setCacheSize(value: number): void {
    if (this.inMemory) return;
    this.cacheMax = value >= 0 ? Math.max(10, value) : Math.floor((-1024 * value) / PAGE_BYTES);
    this.truncatePages(this.cacheMax);
  }

  firstPrepare(): void {
    const used = libraryUsed.get(this.vm);
    if (used !== undefined && !used.prepared) {
      used.prepared = true;
      this.vm.kernel.baselineRss += FIRST_PREPARE_FILE_RSS;
    }
  }

  firstWrite(): void {
    if (this.tempPage === 0) this.tempPage = cMalloc(this.vm, TEMP_PAGE);
  }

  /** A page that existed when the transaction began is written: its original goes to the journal. */
  journalPage(): void {
    if (!this.inMemory) return;
    if (this.journal.length === 0) {
      this.journal.push(cMalloc(this.vm, JOURNAL));
      this.journalBytes = JOURNAL_HEADER;
    }
    this.journalBytes += JOURNAL_RECORD;
    const chunks = Math.ceil(this.journalBytes / JOURNAL_CHUNK_DATA);
    while (this.journal.length - 1 < chunks) this.journal.push(cMalloc(this.vm, JOURNAL_CHUNK));
  }

  /** COMMIT or ROLLBACK: the journal is dropped (memjrnlClose frees its chunks, the first first). */
  endTransaction(): void {
    for (const p of this.journal) cFree(this.vm, p);
    this.journal = [];
    this.journalBytes = 0;
  }

  block(size: number): number {
    return cMalloc(this.vm, size);
  }

  free(p: number): void {
    cFree(this.vm, p);
  }

  /** sqlite3_close: the pages, the journal, the temporary page, then the connection. */
  close(): void {
    this.endTransaction();
    this.truncatePages(0);
    if (this.tempPage !== 0) cFree(this.vm, this.tempPage);
    this.tempPage = 0;
    for (const p of this.connection.splice(0)) cFree(this.vm, p);
  }
}

/** A prepared statement's blocks (sqlite3_prepare_v2; freed by sqlite3_finalize). */
export function statementBlocks(mem: SqliteMemory, resultCols: number, params: number): number[] {
  mem.firstPrepare();
  return [mem.block(1016), mem.block(312), mem.block(288 + 40 * (resultCols + params))];
}

/** A table's schema objects (sqlite3StartTable … sqlite3EndTable). */
export function tableSchemaBlocks(mem: SqliteMemory, columns: number): number[] {
  const out = [mem.block(112), mem.block(136), mem.block(792), mem.block(40)];
  for (let i = 0; i < columns; i++) out.push(mem.block(16));
  out.push(mem.block(56 * Math.max(1, Math.ceil(columns / 4))));
  return out;
}
