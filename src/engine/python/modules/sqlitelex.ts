/**
 * SQL text to tokens (SQLite 3.40's tokenizer, the part scripts use), statements split as
 * sqlite3_prepare's tail splits a script, and the errors the parser and executor raise (a syntax error,
 * a construct outside what Highwater runs, more than one statement where one is allowed).
 */
export class SqlSyntaxError extends Error {}
export class SqlUnsupported extends Error {}
export class SqlMultiple extends Error {}

export interface Tok {
  t: 'id' | 'qid' | 'str' | 'num' | 'blob' | 'param' | 'op' | 'end';
  v: string;
  /** The token's place in the text (a result column is named by its expression's text). */
  at: number;
  end: number;
}

const OPS = [
  '||',
  '<=',
  '>=',
  '==',
  '!=',
  '<>',
  '<<',
  '>>',
  '(',
  ')',
  ',',
  ';',
  '*',
  '+',
  '-',
  '/',
  '%',
  '<',
  '>',
  '=',
  '.',
  '&',
  '|',
  '~',
];

export function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let start = 0;
  const push = (t: Omit<Tok, 'at' | 'end'>, end: number): void => {
    out.push({ ...t, at: start, end });
  };
  while (i < sql.length) {
    const c = sql[i];
    start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'" || ((c === 'x' || c === 'X') && sql[i + 1] === "'")) {
      const blob = c !== "'";
      let j = blob ? i + 2 : i + 1;
      let s = '';
      for (;;) {
        if (j >= sql.length) throw new SqlSyntaxError('unrecognized token: "' + sql.slice(i) + '"');
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") {
            s += "'";
            j += 2;
            continue;
          }
          break;
        }
        s += sql[j++];
      }
      i = j + 1;
      push({ t: blob ? 'blob' : 'str', v: s }, i);
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const end = sql.indexOf(close, i + 1);
      if (end < 0) throw new SqlSyntaxError('unrecognized token: "' + sql.slice(i) + '"');
      i = end + 1;
      push({ t: 'qid', v: sql.slice(start + 1, end) }, i);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(0x[0-9a-fA-F]+|[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?)/.exec(sql.slice(i))!;
      i += m[0].length;
      push({ t: 'num', v: m[0] }, i);
    } else if (c === '?' || c === ':' || c === '@' || c === '$') {
      const m = /^[?:@$][A-Za-z0-9_]*/.exec(sql.slice(i))!;
      i += m[0].length;
      push({ t: 'param', v: m[0] }, i);
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_0-9$\u0080-\uffff]+/.exec(sql.slice(i))!;
      i += m[0].length;
      push({ t: 'id', v: m[0] }, i);
    } else {
      const op = OPS.find((o) => sql.startsWith(o, i));
      if (op === undefined) throw new SqlSyntaxError(`unrecognized token: "${c}"`);
      i += op.length;
      push({ t: 'op', v: op }, i);
    }
  }
  out.push({ t: 'end', v: '', at: sql.length, end: sql.length });
  return out;
}

/** Splits a script (executescript) into statements' texts, as sqlite3_prepare's tail does. */
export function splitStatements(sql: string): string[] {
  // split on ';' outside strings and quoted identifiers; each text is tokenized again when prepared
  const parts: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      cur += ch;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      cur += ch;
    } else if (ch === ';') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.filter((p) => tokenize(p).length > 1);
}

export const KEYWORDS = new Set(
  'select from where group by having order limit offset insert into values update set delete create table index drop if not exists and or is null in between like glob as on join left inner cross outer distinct all asc desc primary key unique begin commit rollback end vacuum pragma case when then else cast replace ignore default'.split(
    ' ',
  ),
);
