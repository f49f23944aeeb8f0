/**
 * The SQL text sqlite3 scripts send, parsed into statements (the dialect SQLite 3.40 accepts, the
 * part scripts use: CREATE TABLE/INDEX, DROP, INSERT [OR …] … VALUES/SELECT, SELECT with WHERE,
 * GROUP BY, HAVING, ORDER BY, LIMIT/OFFSET, one JOIN level, UPDATE, DELETE, BEGIN/COMMIT/ROLLBACK,
 * VACUUM, PRAGMA). A statement outside it is "not supported", never a wrong answer.
 */
import type { ColumnDef, Expr, Join, ResultCol, Select, Stmt } from './sqliteast';
import { KEYWORDS, SqlMultiple, SqlSyntaxError, SqlUnsupported, tokenize, type Tok } from './sqlitelex';

export class Parser {
  private p = 0;
  private nextParam = 1;
  maxParam = 0;
  names: string[] = [];
  private readonly toks: Tok[];
  constructor(private readonly sql: string) {
    this.toks = tokenize(sql);
  }

  private peek(o = 0): Tok {
    return this.toks[Math.min(this.p + o, this.toks.length - 1)];
  }
  private kw(word: string, o = 0): boolean {
    const t = this.peek(o);
    return t.t === 'id' && t.v.toLowerCase() === word;
  }
  private eatKw(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!this.kw(words[i], i)) return false;
    this.p += words.length;
    return true;
  }
  /** The first of `words` present, eaten (optional keywords). */
  private eatAny(...words: string[]): boolean {
    return words.some((w) => this.eatKw(w));
  }
  private needKw(word: string): void {
    if (!this.eatKw(word)) this.fail();
  }
  private op(v: string): boolean {
    const t = this.peek();
    if (t.t === 'op' && t.v === v) {
      this.p++;
      return true;
    }
    return false;
  }
  private needOp(v: string): void {
    if (!this.op(v)) this.fail();
  }
  fail(): never {
    const t = this.peek();
    if (t.t === 'end') throw new SqlSyntaxError('incomplete input');
    throw new SqlSyntaxError(`near "${t.t === 'str' ? `'${t.v}'` : t.v}": syntax error`);
  }
  private name(): string {
    const t = this.peek();
    if (
      t.t === 'qid' ||
      t.t === 'str' ||
      (t.t === 'id' && !KEYWORDS.has(t.v.toLowerCase())) ||
      (t.t === 'id' && /^(key|replace|ignore|end)$/i.test(t.v))
    ) {
      this.p++;
      return t.v;
    }
    return this.fail();
  }

  statement(): Stmt {
    let s: Stmt;
    if (this.eatKw('create')) s = this.create();
    else if (this.eatKw('drop')) {
      const what = this.eatKw('table') ? 'table' : this.eatKw('index') ? 'index' : this.fail();
      const ifExists = this.eatKw('if', 'exists');
      s = { k: 'drop', what, name: this.name(), ifExists };
    } else if (this.kw('insert') || this.kw('replace')) s = this.insert();
    else if (this.kw('select')) s = this.select();
    else if (this.eatKw('update')) s = this.update();
    else if (this.eatKw('delete')) {
      this.needKw('from');
      const table = this.name();
      s = { k: 'delete', table, where: this.eatKw('where') ? this.expr() : null };
    } else if (this.eatKw('begin')) {
      this.eatAny('deferred', 'immediate', 'exclusive');
      this.eatKw('transaction');
      s = { k: 'begin' };
    } else if (this.eatKw('commit') || this.eatKw('end')) {
      this.eatKw('transaction');
      s = { k: 'commit' };
    } else if (this.eatKw('rollback')) {
      this.eatKw('transaction');
      s = { k: 'rollback' };
    } else if (this.eatKw('vacuum')) s = { k: 'vacuum' };
    else if (this.eatKw('pragma')) {
      const name = this.name().toLowerCase();
      let value: Expr | null = null;
      if (this.op('=')) value = this.primary();
      else if (this.op('(')) {
        value = this.primary();
        this.needOp(')');
      }
      s = { k: 'pragma', name, value };
    } else return this.fail();
    if (this.op(';') && this.peek().t !== 'end')
      throw new SqlMultiple('You can only execute one statement at a time.');
    if (this.peek().t !== 'end') this.fail();
    return s;
  }

  private create(): Stmt {
    const unique = this.eatKw('unique');
    if (this.eatKw('index')) {
      const ifNotExists = this.eatKw('if', 'not', 'exists');
      const name = this.name();
      this.needKw('on');
      const table = this.name();
      this.needOp('(');
      const cols: string[] = [];
      do {
        cols.push(this.name());
        this.eatAny('asc', 'desc');
      } while (this.op(','));
      this.needOp(')');
      return { k: 'createIndex', name, table, cols, unique, ifNotExists };
    }
    if (unique) this.fail();
    this.eatAny('temp', 'temporary');
    this.needKw('table');
    const ifNotExists = this.eatKw('if', 'not', 'exists');
    const table = this.name();
    if (this.kw('as')) throw new SqlUnsupported('CREATE TABLE … AS SELECT');
    this.needOp('(');
    const cols: ColumnDef[] = [];
    const uniques: string[][] = [];
    do {
      if (this.eatKw('primary', 'key') || this.eatKw('unique')) {
        const pk = this.toks[this.p - 1].v.toLowerCase() === 'key';
        const names = this.nameList();
        if (pk && names.length === 1) {
          const c = cols.find((x) => x.name.toLowerCase() === names[0].toLowerCase());
          if (c) c.primaryKey = true;
        } else uniques.push(names);
        continue;
      }
      if (this.eatKw('foreign') || this.eatKw('check') || this.eatKw('constraint'))
        throw new SqlUnsupported('table constraints other than PRIMARY KEY and UNIQUE');
      const name = this.name();
      const type: string[] = [];
      while (
        this.peek().t === 'id' &&
        !/^(primary|not|null|unique|default|references|check|collate|constraint)$/i.test(this.peek().v)
      )
        type.push(this.toks[this.p++].v);
      if (this.op('(')) {
        while (!this.op(')')) this.p++;
      }
      const col: ColumnDef = {
        name,
        type: type.join(' '),
        primaryKey: false,
        unique: false,
        notNull: false,
        dflt: null,
        autoincrement: false,
      };
      for (;;) {
        if (this.eatKw('primary', 'key')) {
          col.primaryKey = true;
          this.eatAny('asc', 'desc');
          if (this.eatKw('autoincrement')) col.autoincrement = true;
        } else if (this.eatKw('not', 'null')) col.notNull = true;
        else if (this.eatKw('null')) continue;
        else if (this.eatKw('unique')) col.unique = true;
        else if (this.eatKw('default')) col.dflt = this.op('(') ? this.parenRest() : this.primary();
        else if (this.eatKw('collate')) this.name();
        else if (this.kw('references') || this.kw('check'))
          throw new SqlUnsupported('REFERENCES/CHECK constraints');
        else break;
      }
      cols.push(col);
    } while (this.op(','));
    this.needOp(')');
    if (this.eatKw('without')) throw new SqlUnsupported('WITHOUT ROWID tables');
    return { k: 'create', table, ifNotExists, cols, uniques };
  }

  private parenRest(): Expr {
    const e = this.expr();
    this.needOp(')');
    return e;
  }

  private nameList(): string[] {
    this.needOp('(');
    const names: string[] = [];
    do names.push(this.name());
    while (this.op(','));
    this.needOp(')');
    return names;
  }

  private insert(): Stmt {
    let or: string | null = null;
    if (this.eatKw('replace')) or = 'replace';
    else {
      this.needKw('insert');
      if (this.eatKw('or')) or = this.name().toLowerCase();
    }
    this.needKw('into');
    const table = this.name();
    const cols = this.peek().t === 'op' && this.peek().v === '(' ? this.nameList() : null;
    if (this.kw('select')) return { k: 'insert', table, cols, rows: null, select: this.select(), or };
    if (this.eatKw('default', 'values')) return { k: 'insert', table, cols, rows: [[]], select: null, or };
    this.needKw('values');
    const rows: Expr[][] = [];
    do {
      this.needOp('(');
      const row: Expr[] = [];
      do row.push(this.expr());
      while (this.op(','));
      this.needOp(')');
      rows.push(row);
    } while (this.op(','));
    return { k: 'insert', table, cols, rows, select: null, or };
  }

  private update(): Stmt {
    if (this.eatKw('or')) this.name();
    const table = this.name();
    this.needKw('set');
    const sets: [string, Expr][] = [];
    do {
      const c = this.name();
      this.needOp('=');
      sets.push([c, this.expr()]);
    } while (this.op(','));
    return { k: 'update', table, sets, where: this.eatKw('where') ? this.expr() : null };
  }

  select(): Select {
    this.needKw('select');
    const distinct = this.eatKw('distinct');
    this.eatKw('all');
    const cols: ResultCol[] = [];
    do {
      if (this.op('*')) cols.push({ star: true, expr: null, alias: null, text: '*' });
      else if (
        (this.peek().t === 'id' || this.peek().t === 'qid') &&
        this.peek(1).v === '.' &&
        this.peek(2).v === '*'
      ) {
        const t = this.name();
        this.p += 2;
        cols.push({ star: t, expr: null, alias: null, text: '*' });
      } else {
        const from = this.peek().at;
        const expr = this.expr();
        const text = this.sql.slice(from, this.toks[this.p - 1].end);
        let alias: string | null = null;
        if (this.eatKw('as')) alias = this.name();
        else if (
          this.peek().t === 'qid' ||
          (this.peek().t === 'id' && !KEYWORDS.has(this.peek().v.toLowerCase()))
        )
          alias = this.name();
        cols.push({ star: null, expr, alias, text });
      }
    } while (this.op(','));
    let from: Select['from'] = null;
    const joins: Join[] = [];
    if (this.eatKw('from')) {
      if (this.peek().v === '(') throw new SqlUnsupported('subqueries in FROM');
      from = { table: this.name(), alias: this.alias() };
      for (;;) {
        let left = false;
        if (this.op(',') || this.eatKw('cross', 'join')) {
          joins.push({ table: this.name(), alias: this.alias(), on: null, left: false });
          continue;
        }
        if (this.eatKw('left')) {
          this.eatKw('outer');
          left = true;
        } else this.eatKw('inner');
        if (!this.eatKw('join')) break;
        const table = this.name();
        const alias = this.alias();
        let on: Expr | null = null;
        if (this.eatKw('on')) on = this.expr();
        else if (this.kw('using')) throw new SqlUnsupported('JOIN … USING');
        joins.push({ table, alias, on, left });
      }
    }
    const where = this.eatKw('where') ? this.expr() : null;
    const groupBy: Expr[] = [];
    if (this.eatKw('group', 'by')) {
      do groupBy.push(this.expr());
      while (this.op(','));
    }
    const having = this.eatKw('having') ? this.expr() : null;
    if (this.kw('union') || this.kw('intersect') || this.kw('except'))
      throw new SqlUnsupported('compound SELECT');
    const orderBy: Select['orderBy'] = [];
    if (this.eatKw('order', 'by')) {
      do {
        const e = this.expr();
        const desc = this.eatKw('desc');
        if (!desc) this.eatKw('asc');
        orderBy.push({ e, desc });
      } while (this.op(','));
    }
    let limit: Expr | null = null;
    let offset: Expr | null = null;
    if (this.eatKw('limit')) {
      limit = this.expr();
      if (this.eatKw('offset')) offset = this.expr();
      else if (this.op(',')) {
        offset = limit;
        limit = this.expr();
      }
    }
    return { k: 'select', distinct, cols, from, joins, where, groupBy, having, orderBy, limit, offset };
  }

  private alias(): string | null {
    if (this.eatKw('as')) return this.name();
    const t = this.peek();
    if (
      t.t === 'qid' ||
      (t.t === 'id' &&
        !KEYWORDS.has(t.v.toLowerCase()) &&
        !/^(natural|using|left|inner|cross|join)$/i.test(t.v))
    )
      return this.name();
    return null;
  }

  expr(): Expr {
    let l = this.andExpr();
    while (this.eatKw('or')) l = { k: 'bin', op: 'or', l, r: this.andExpr() };
    return l;
  }
  private andExpr(): Expr {
    let l = this.notExpr();
    while (this.eatKw('and')) l = { k: 'bin', op: 'and', l, r: this.notExpr() };
    return l;
  }
  private notExpr(): Expr {
    if (this.eatKw('not')) return { k: 'un', op: 'not', e: this.notExpr() };
    return this.cmpExpr();
  }
  private cmpExpr(): Expr {
    let l = this.addExpr();
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && ['=', '==', '!=', '<>', '<', '<=', '>', '>='].includes(t.v)) {
        this.p++;
        const op = t.v === '==' ? '=' : t.v === '<>' ? '!=' : t.v;
        l = { k: 'bin', op, l, r: this.addExpr() };
        continue;
      }
      if (this.eatKw('is')) {
        const not = this.eatKw('not');
        if (this.eatKw('null')) l = { k: 'isnull', e: l, not };
        else l = { k: 'bin', op: not ? 'isnot' : 'is', l, r: this.addExpr() };
        continue;
      }
      if (this.eatKw('isnull')) {
        l = { k: 'isnull', e: l, not: false };
        continue;
      }
      if (this.eatKw('notnull')) {
        l = { k: 'isnull', e: l, not: true };
        continue;
      }
      const not =
        this.kw('not') && /^(in|like|glob|between|null)$/i.test(this.peek(1).v) ? (this.p++, true) : false;
      if (this.eatKw('null')) l = { k: 'isnull', e: l, not: true };
      else if (this.eatKw('in')) {
        this.needOp('(');
        if (this.kw('select')) throw new SqlUnsupported('IN (SELECT …)');
        const list: Expr[] = [];
        if (!this.op(')')) {
          do list.push(this.expr());
          while (this.op(','));
          this.needOp(')');
        }
        l = { k: 'in', e: l, list, not };
      } else if (this.kw('like') || this.kw('glob')) {
        const glob = this.toks[this.p++].v.toLowerCase() === 'glob';
        l = { k: 'like', e: l, pat: this.addExpr(), not, glob };
      } else if (this.eatKw('between')) {
        const lo = this.addExpr();
        this.needKw('and');
        l = { k: 'between', e: l, lo, hi: this.addExpr(), not };
      } else if (not) this.fail();
      else return l;
    }
  }
  private addExpr(): Expr {
    let l = this.mulExpr();
    for (;;) {
      const t = this.peek();
      if (
        t.t === 'op' &&
        (t.v === '+' ||
          t.v === '-' ||
          t.v === '||' ||
          t.v === '&' ||
          t.v === '|' ||
          t.v === '<<' ||
          t.v === '>>')
      ) {
        this.p++;
        l = { k: 'bin', op: t.v, l, r: this.mulExpr() };
      } else return l;
    }
  }
  private mulExpr(): Expr {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && (t.v === '*' || t.v === '/' || t.v === '%')) {
        this.p++;
        l = { k: 'bin', op: t.v, l, r: this.unary() };
      } else return l;
    }
  }
  private unary(): Expr {
    if (this.op('-')) return { k: 'un', op: '-', e: this.unary() };
    if (this.op('+')) return this.unary();
    if (this.op('~')) return { k: 'un', op: '~', e: this.unary() };
    return this.primary();
  }
  primary(): Expr {
    const t = this.peek();
    if (t.t === 'num') {
      this.p++;
      if (/^0x/i.test(t.v)) return { k: 'lit', v: BigInt(t.v) };
      return { k: 'lit', v: /[.eE]/.test(t.v) ? Number(t.v) : BigInt(t.v) };
    }
    if (t.t === 'str') {
      this.p++;
      return { k: 'lit', v: t.v };
    }
    if (t.t === 'blob') {
      this.p++;
      const b = new Uint8Array(t.v.length / 2);
      for (let i = 0; i < b.length; i++) b[i] = parseInt(t.v.slice(2 * i, 2 * i + 2), 16);
      return { k: 'lit', v: b };
    }
    if (t.t === 'param') {
      this.p++;
      if (t.v === '?') {
        const index = this.nextParam++;
        this.maxParam = Math.max(this.maxParam, index);
        return { k: 'param', index, name: null };
      }
      if (t.v[0] === '?') {
        const index = Number(t.v.slice(1));
        this.maxParam = Math.max(this.maxParam, index);
        this.nextParam = index + 1;
        return { k: 'param', index, name: null };
      }
      let index = this.names.indexOf(t.v) + 1;
      if (index === 0) {
        index = ++this.maxParam;
        this.names[index - 1] = t.v;
        this.nextParam = index + 1;
      }
      return { k: 'param', index, name: t.v.slice(1) };
    }
    if (this.op('(')) {
      if (this.kw('select')) throw new SqlUnsupported('subqueries');
      const e = this.expr();
      this.needOp(')');
      return e;
    }
    if (this.eatKw('null')) return { k: 'lit', v: null };
    if (this.kw('true') || this.kw('false'))
      return { k: 'lit', v: this.toks[this.p++].v.toLowerCase() === 'true' ? 1n : 0n };
    if (this.kw('current_timestamp') || this.kw('current_date') || this.kw('current_time'))
      throw new SqlUnsupported('CURRENT_TIMESTAMP (the clock)');
    if (this.eatKw('case')) {
      const base = this.kw('when') ? null : this.expr();
      const whens: [Expr, Expr][] = [];
      while (this.eatKw('when')) {
        const w = this.expr();
        this.needKw('then');
        whens.push([w, this.expr()]);
      }
      const els = this.eatKw('else') ? this.expr() : null;
      this.needKw('end');
      return { k: 'case', base, whens, else: els };
    }
    if (this.eatKw('cast')) {
      this.needOp('(');
      const e = this.expr();
      this.needKw('as');
      const type: string[] = [];
      while (this.peek().t === 'id') type.push(this.toks[this.p++].v);
      this.needOp(')');
      return { k: 'cast', e, type: type.join(' ') };
    }
    if (t.t === 'id' || t.t === 'qid') {
      if (t.t === 'id' && this.peek(1).v === '(' && this.peek(1).t === 'op') {
        this.p += 2;
        const name = t.v.toLowerCase();
        if (this.op('*')) {
          this.needOp(')');
          return { k: 'fn', name, args: [], star: true, distinct: false };
        }
        const distinct = this.eatKw('distinct');
        const args: Expr[] = [];
        if (!this.op(')')) {
          do args.push(this.expr());
          while (this.op(','));
          this.needOp(')');
        }
        return { k: 'fn', name, args, star: false, distinct };
      }
      if (t.t === 'id' && KEYWORDS.has(t.v.toLowerCase()) && !/^(key|replace|ignore)$/i.test(t.v))
        this.fail();
      this.p++;
      if (this.peek().t === 'op' && this.peek().v === '.') {
        this.p++;
        return { k: 'col', name: this.name(), table: t.v };
      }
      return { k: 'col', name: t.v, table: null };
    }
    return this.fail();
  }
}

/** One statement's text parsed (the first: sqlite3_prepare's tail is the caller's). */
export function parseStatement(sql: string): { stmt: Stmt; params: number; names: string[] } {
  const parser = new Parser(sql);
  const stmt = parser.statement();
  return { stmt, params: parser.maxParam, names: parser.names };
}
