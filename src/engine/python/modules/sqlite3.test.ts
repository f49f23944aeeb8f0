import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

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

/**
 * The SQL and the DB-API as 3.11.7 answers them: joins, GROUP BY/HAVING by alias, three-valued
 * logic, integer division, the cursor's description/rowcount/lastrowid, fetchmany/arraysize,
 * INSERT OR REPLACE/IGNORE, every error's class and wording, sqlite3.Row, `with con:`, ROLLBACK of a
 * row updated then deleted, page_count/freelist_count around DROP and VACUUM. Output recorded on
 * CPython 3.11.7 (7 Dec 2026).
 */
const FEATURES =
  "import sqlite3\ncon = sqlite3.connect(':memory:')\ncur = con.cursor()\ncur.executescript(\"\"\"\ncreate table emp (id integer primary key, name text not null, dept text, salary real, boss integer);\ncreate table dept (code text primary key, title text);\n\"\"\")\ncur.executemany('insert into dept values (?, ?)', [('eng', 'Engineering'), ('ops', 'Operations'), ('hr', 'People')])\ncur.executemany('insert into emp (name, dept, salary, boss) values (:n, :d, :s, :b)',\n                [{'n': f'e{i}', 'd': ('eng', 'ops', 'hr', None)[i % 4], 's': 1000 + i * 12.5, 'b': i // 3 or None} for i in range(40)])\nprint(cur.rowcount, cur.lastrowid, con.total_changes, con.in_transaction)\ncon.commit()\nprint(con.in_transaction)\nprint(con.execute('select count(*), min(salary), max(salary), avg(salary), sum(salary), total(boss) from emp').fetchone())\nprint(con.execute('select dept, count(*) as n from emp group by dept order by n desc, dept').fetchall())\nprint(con.execute('select e.name, d.title from emp e join dept d on e.dept = d.code where e.id < 6 order by e.id').fetchall())\nprint(con.execute('select e.name, d.title from emp e left join dept d on e.dept = d.code where e.id between 3 and 5').fetchall())\nprint(con.execute(\"select name from emp where name like 'E1%' and dept in ('eng', 'hr') order by salary desc limit 3 offset 1\").fetchall())\nprint(con.execute('select distinct dept from emp where dept is not null order by 1').fetchall())\nprint(con.execute(\"select upper(name) || '-' || length(name), round(salary / 3, 2), salary % 7, typeof(boss), coalesce(boss, -1) from emp where id in (1, 2, 40)\").fetchall())\nprint(con.execute('select 7 / 2, 7 / 2.0, 7 % 3, -7 / 2, 1 / 0, abs(-3), substr(\\'hello\\', 2, 3), replace(\\'a-b-c\\', \\'-\\', \\'+\\'), instr(\\'abc\\', \\'c\\')').fetchone())\nprint(con.execute(\"select case when salary > 1300 then 'high' when salary > 1100 then 'mid' else 'low' end as band, count(*) from emp group by band order by band\").fetchall())\nprint(con.execute('select dept, sum(salary) from emp group by dept having sum(salary) > 12000 order by dept').fetchall())\ncur = con.execute('update emp set salary = salary * 1.1 where dept = ?', ('ops',))\nprint(cur.rowcount, cur.description)\ncur = con.execute('delete from emp where boss is null')\nprint(cur.rowcount, con.in_transaction)\ncon.rollback()\nprint(con.execute('select count(*) from emp').fetchone()[0])\ncur = con.execute('select id, name from emp order by id')\nprint(cur.description)\nprint(cur.fetchone(), cur.fetchmany(2), len(cur.fetchall()), cur.fetchone(), cur.fetchall())\ncur.arraysize = 3\nprint(con.execute('select id from emp').fetchmany())\ncon.execute('insert or replace into dept values (?, ?)', ('hr', 'Human Resources'))\ncon.execute('insert or ignore into dept values (?, ?)', ('eng', 'X'))\nprint(con.execute('select * from dept order by code').fetchall())\nfor sql, params in [('insert into dept values (?, ?)', ('eng', 'dup')), ('insert into emp (dept) values (?)', ('eng',)),\n                    ('select nope from emp', ()), ('select * from missing', ()), ('insert into dept values (?)', ('x',)),\n                    ('select ?', (1, 2)), ('select :a', {'b': 1}), ('select ?', ([1],)), ('selct 1', ()), ('select 1; select 2', ())]:\n    try:\n        con.execute(sql, params)\n    except sqlite3.Error as e:\n        print(type(e).__name__, e)\ncon.row_factory = sqlite3.Row\nr = con.execute('select id, name as who, salary from emp where id = 2').fetchone()\nprint(type(r).__name__, r.keys(), r['WHO'], r[0], r[-1], tuple(r), len(r), dict(r), r == con.execute('select id, name as who, salary from emp where id = 2').fetchone())\ntry:\n    r['nope']\nexcept IndexError as e:\n    print('IndexError', e)\nwith con:\n    con.execute(\"insert into dept values ('fin', 'Finance')\")\nprint(con.execute(\"select count(*) from dept\").fetchone()[0], con.in_transaction)\nprint(con.execute('select 1 as x, null, 2.5, \\'t\\', x\\'0102\\'').fetchone()[:])\nprint([tuple(x) for x in con.execute('select sqlite_version(), 3 > 2, 3 = 3.0, \\'10\\' = 10, \\'abc\\' < \\'abd\\', null is null')])\ncon.row_factory = None\ncon.execute('create table big (n integer, s text)')\ncon.executemany('insert into big values (?, ?)', ((i, str(i)) for i in range(1000)))\nprint(con.execute('select count(*), sum(n), max(s), min(length(s)) from big where n % 2 = 1').fetchone())\nprint(con.execute('pragma page_count').fetchone(), con.execute('pragma freelist_count').fetchone())\ncon.execute('drop table big')\ncon.commit()\nprint(con.execute('pragma page_count').fetchone(), con.execute('pragma freelist_count').fetchone())\ncon.execute('vacuum')\nprint(con.execute('pragma page_count').fetchone(), con.execute('pragma freelist_count').fetchone())\ncon.close()\ntry:\n    con.execute('select 1')\nexcept sqlite3.ProgrammingError as e:\n    print(e)\nprint(sqlite3.sqlite_version, sqlite3.paramstyle, sqlite3.Row.__name__, issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError))\n";
const FEATURES_REAL =
  "40 None 43 True\nFalse\n(40, 1000.0, 1487.5, 1243.75, 49750.0, 247.0)\n[(None, 10), ('eng', 10), ('hr', 10), ('ops', 10)]\n[('e0', 'Engineering'), ('e1', 'Operations'), ('e2', 'People'), ('e4', 'Engineering')]\n[('e2', 'People'), ('e3', None), ('e4', 'Engineering')]\n[('e16',), ('e14',), ('e12',)]\n[('eng',), ('hr',), ('ops',)]\n[('E0-2', 333.33, 6.0, 'null', -1), ('E1-2', 337.5, 4.0, 'null', -1), ('E39-3', 495.83, 3.0, 'integer', 13)]\n(3, 3.5, 1, -3, None, 3, 'ell', 'a+b+c', 3)\n[('high', 15), ('low', 9), ('mid', 16)]\n[(None, 12625.0), ('eng', 12250.0), ('hr', 12500.0), ('ops', 12375.0)]\n10 None\n3 True\n40\n(('id', None, None, None, None, None, None), ('name', None, None, None, None, None, None))\n(1, 'e0') [(2, 'e1'), (3, 'e2')] 37 None []\n[(1,)]\n[('eng', 'Engineering'), ('hr', 'Human Resources'), ('ops', 'Operations')]\nIntegrityError UNIQUE constraint failed: dept.code\nIntegrityError NOT NULL constraint failed: emp.name\nOperationalError no such column: nope\nOperationalError no such table: missing\nOperationalError table dept has 2 columns but 1 values were supplied\nProgrammingError Incorrect number of bindings supplied. The current statement uses 1, and there are 2 supplied.\nProgrammingError You did not supply a value for binding parameter :a.\nProgrammingError Error binding parameter 1: type 'list' is not supported\nOperationalError near \"selct\": syntax error\nProgrammingError You can only execute one statement at a time.\nRow ['id', 'who', 'salary'] e1 2 1012.5 (2, 'e1', 1012.5) 3 {'id': 2, 'who': 'e1', 'salary': 1012.5} True\nIndexError No item with that key\n4 False\n(1, None, 2.5, 't', b'\\x01\\x02')\n[('3.40.1', 1, 1, 0, 1, 1)]\n(500, 250000, '999', 1)\n(9,) (0,)\n(9,) (5,)\n(4,) (0,)\nCannot operate on a closed database.\n3.40.1 qmark Row True\n";

describe('sqlite3 behaviour (3.11.7)', () => {
  it('prints what CPython 3.11.7 prints', () => {
    const r = runScript(FEATURES);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(FEATURES_REAL);
  });
});
