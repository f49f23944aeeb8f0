import { describe, expect, it } from 'vitest';
import { runScript } from '../process';

/**
 * SQLite's page counts decide how much glibc memory a database holds (an in-memory database is its
 * page cache: 4,368 bytes a page). PRAGMA page_count / freelist_count on CPython 3.11.7's SQLite
 * 3.40.1 (7 Dec 2026, this script run there): rowid-ordered appends (balance_quick), long text
 * (overflow pages), scattered rowids (balance_nonroot packing siblings), deletes leaving pages on the
 * freelist, and indexes filled in scattered or sorted order.
 */
const SCRIPT = `
import sqlite3
def pages(setup):
    con = sqlite3.connect(':memory:')
    con.executescript(setup[0])
    con.executemany(setup[1], setup[2])
    con.commit()
    for extra in setup[3:]:
        con.execute(extra)
        con.commit()
    n = con.execute('pragma page_count').fetchone()[0]
    f = con.execute('pragma freelist_count').fetchone()[0]
    con.close()
    return n, f
print(pages(('create table t (id integer primary key, name text, score real)', 'insert into t values (?, ?, ?)', [(i, f'user{i}', i * 0.5) for i in range(100000)])))
print(pages(('create table t (a text, b integer)', 'insert into t values (?, ?)', [('x' * 200, i) for i in range(10000)])))
print(pages(('create table t (a text, b integer)', 'insert into t values (?, ?)', [('y' * 5000, i) for i in range(500)])))
print(pages(('create table t (id integer primary key, v text)', 'insert into t values (?, ?)', [((i * 7919) % 20011, f'v{i}') for i in range(20000)])))
print(pages(('create table t (id integer primary key, v text)', 'insert into t values (?, ?)', [(i, f'value number {i}') for i in range(30000)], 'delete from t where id % 3 = 0')))
print(pages(('create table t (id integer primary key, v text)', 'insert into t values (?, ?)', [(i, f'value number {i}') for i in range(30000)], 'delete from t where id < 20000')))
print(pages(('create table t (id integer primary key, v text); create index iv on t(v)', 'insert into t values (?, ?)', [(i, f'v{(i * 7919) % 20011}') for i in range(20000)])))
print(pages(('create table t (id integer primary key, v text)', 'insert into t values (?, ?)', [(i, f'v{(i * 7919) % 20011}') for i in range(20000)], 'create index iv on t(v)')))
`;

const REAL = [
  '(591, 0)',
  '(531, 0)',
  '(627, 0)',
  '(77, 0)',
  '(194, 0)',
  '(194, 125)',
  '(144, 0)',
  '(136, 0)',
];

describe('sqlite3 pages (3.11.7, SQLite 3.40.1)', () => {
  it('tables and indexes take the pages the real B-tree takes', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect((r.output ?? '').trim().split('\n')).toEqual(REAL);
  });
});
