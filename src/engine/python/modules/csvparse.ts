import { call } from '../abstract/call';
import { getIter, iterNext } from '../abstract/iter';
import { fromLong } from '../objects/int';
import { listAppend, listNew } from '../objects/list';
import { strResult, strValue } from '../objects/str';
import { T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { csvError, csvState, dialectOf, QUOTE_NONE, QUOTE_NONNUMERIC, type DialectState } from './csvdialect';

/**
 * _csv.reader (Modules/_csv.c, 3.11): a GC object of 16 + 88 bytes. Each record starts with
 * parse_reset's new fields list (PyList_New(0): 56 bytes, the previous one released); every
 * character goes through the parser's state machine (parse_process_char) into a buffer of code
 * points grown by parse_grow_buff (PyMem_Resize: 4096 × 4 = 16,384 bytes at the first field
 * character, doubled when full, so a glibc chunk for the reader's life), and each finished field
 * becomes a str of the narrowest kind (PyUnicode_FromKindAndData) appended to the list
 * (list_resize's growth), or a float under QUOTE_NONNUMERIC. The input lines come from the
 * iterator (a list's items, a StringIO's or a file's lines: those allocate what they allocate).
 */
const READER_BASIC = 88;
const FIELD_INITIAL = 4096;

const enum S {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrnl,
  AfterEscapedCrnl,
}

interface ReaderState {
  input: number;
  dialect: number;
  fields: number;
  state: S;
  /** The field buffer's block and capacity in code points (field_size), its text so far. */
  buf: number;
  size: number;
  field: string[];
  numeric: boolean;
  lineNum: number;
}

const readerOf = (vm: Vm, h: number): ReaderState => vm.table.side[h] as ReaderState;

function parseReset(vm: Vm, r: ReaderState): void {
  const old = r.fields;
  r.fields = listNew(vm, 0);
  if (old) vm.decref(old);
  r.field = [];
  r.state = S.StartRecord;
  r.numeric = false;
}

/** parse_grow_buff / parse_add_char: the buffer grows (and the limit is checked) before the char is stored. */
function addChar(vm: Vm, r: ReaderState, c: string): void {
  const limit = csvState(vm).fieldLimit;
  if (r.field.length >= limit) throw csvError(vm, `field larger than field limit (${limit})`);
  if (r.field.length === r.size) {
    const next = r.size === 0 ? FIELD_INITIAL : r.size * 2;
    const p = vm.mem.realloc(r.buf, next * 4);
    if (p === 0) throw csvError(vm, 'out of memory');
    r.buf = p;
    r.size = next;
  }
  r.field.push(c);
}

/** parse_save_field: the field as a str (a float under QUOTE_NONNUMERIC) appended to the record. */
function saveField(vm: Vm, r: ReaderState): void {
  let field = strResult(vm, r.field.join(''));
  r.field = [];
  if (r.numeric) {
    r.numeric = false;
    const f = call(vm, vm.types[T.Float].typeObject, [field], null);
    vm.decref(field);
    field = f;
  }
  listAppend(vm, r.fields, field);
}

const EOL = '';

/** IN_FIELD (and AFTER_ESCAPED_CRNL's characters after the line end). */
function inField(vm: Vm, r: ReaderState, d: DialectState, c: string, nl: boolean): void {
  if (nl || c === EOL) {
    saveField(vm, r);
    r.state = c === EOL ? S.StartRecord : S.EatCrnl;
  } else if (c === d.escapechar) r.state = S.EscapedChar;
  else if (c === d.delimiter) {
    saveField(vm, r);
    r.state = S.StartField;
  } else addChar(vm, r, c);
}

function processChar(vm: Vm, r: ReaderState, c: string): void {
  const d = dialectOf(vm, r.dialect);
  const nl = c === '\n' || c === '\r';
  switch (r.state) {
    case S.StartRecord:
      if (c === EOL) return;
      if (nl) {
        r.state = S.EatCrnl;
        return;
      }
      r.state = S.StartField;
      return processChar(vm, r, c);
    case S.StartField:
      if (nl || c === EOL) {
        saveField(vm, r);
        r.state = c === EOL ? S.StartRecord : S.EatCrnl;
      } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) r.state = S.InQuotedField;
      else if (c === d.escapechar) r.state = S.EscapedChar;
      else if (c === ' ' && d.skipinitialspace) {
        // a space after a delimiter is skipped
      } else if (c === d.delimiter) saveField(vm, r);
      else {
        if (d.quoting === QUOTE_NONNUMERIC) r.numeric = true;
        addChar(vm, r, c);
        r.state = S.InField;
      }
      return;
    case S.EscapedChar:
      if (nl) {
        addChar(vm, r, c);
        r.state = S.AfterEscapedCrnl;
        return;
      }
      addChar(vm, r, c === EOL ? '\n' : c);
      r.state = S.InField;
      return;
    case S.AfterEscapedCrnl:
      if (c === EOL) return;
      return inField(vm, r, d, c, nl);
    case S.InField:
      return inField(vm, r, d, c, nl);
    case S.InQuotedField:
      if (c === EOL) {
        // a line end inside quotes: the field goes on with the next line
      } else if (c === d.escapechar) r.state = S.EscapeInQuotedField;
      else if (c === d.quotechar && d.quoting !== QUOTE_NONE)
        r.state = d.doublequote ? S.QuoteInQuotedField : S.InField;
      else addChar(vm, r, c);
      return;
    case S.EscapeInQuotedField:
      addChar(vm, r, c === EOL ? '\n' : c);
      r.state = S.InQuotedField;
      return;
    case S.QuoteInQuotedField:
      if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
        addChar(vm, r, c);
        r.state = S.InQuotedField;
      } else if (c === d.delimiter) {
        saveField(vm, r);
        r.state = S.StartField;
      } else if (nl || c === EOL) {
        saveField(vm, r);
        r.state = c === EOL ? S.StartRecord : S.EatCrnl;
      } else if (!d.strict) {
        addChar(vm, r, c);
        r.state = S.InField;
      } else throw csvError(vm, `'${d.delimiter}' expected after '${d.quotechar}'`);
      return;
    case S.EatCrnl:
      if (c === EOL) r.state = S.StartRecord;
      else if (nl) {
        // \r\n: the second character is eaten
      } else
        throw csvError(
          vm,
          "new-line character seen in unquoted field - do you need to open the file with newline=''?",
        );
      return;
  }
}

/** Reader_iternext: lines until a record ends; the fields list handed over (0 at the end). */
function readerNext(vm: Vm, h: number): number {
  const r = readerOf(vm, h);
  parseReset(vm, r);
  do {
    const line = iterNext(vm, r.input);
    if (line === 0) {
      if (r.field.length !== 0 || r.state === S.InQuotedField) {
        if (dialectOf(vm, r.dialect).strict) throw csvError(vm, 'unexpected end of data');
        saveField(vm, r);
        break;
      }
      return 0;
    }
    if (!vm.typeOf(line).mro.includes(T.Str)) {
      const name = vm.typeOf(line).name;
      vm.decref(line);
      throw csvError(
        vm,
        `iterator should return strings, not ${name} (the file should be opened in text mode)`,
      );
    }
    r.lineNum++;
    const text = strValue(vm, line);
    try {
      for (const c of text) {
        if (c === '\0') throw csvError(vm, 'line contains NUL');
        processChar(vm, r, c);
      }
    } finally {
      vm.decref(line);
    }
    processChar(vm, r, EOL);
  } while (r.state !== S.StartRecord);
  const fields = r.fields;
  r.fields = 0;
  return fields;
}

/** csv_reader(iterable, dialect): the reader (GC-tracked), its input's iterator and dialect taken. */
export function readerNew(vm: Vm, type: number, input: number, dialectFor: () => number): number {
  const h = vm.newGcObject(type, READER_BASIC);
  const r: ReaderState = {
    input: 0,
    dialect: 0,
    fields: 0,
    state: S.StartRecord,
    buf: 0,
    size: 0,
    field: [],
    numeric: false,
    lineNum: 0,
  };
  vm.table.side[h] = r;
  try {
    parseReset(vm, r);
    r.input = getIter(vm, input);
    r.dialect = dialectFor();
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  vm.gc.track(h);
  return h;
}

export const ReaderType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'reader',
    module: '_csv',
    basicsize: READER_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const r = readerOf(vm, h);
      vm.table.side[h] = undefined;
      if (r.dialect) vm.decref(r.dialect);
      if (r.input) vm.decref(r.input);
      if (r.fields) vm.decref(r.fields);
      if (r.buf) vm.mem.free(r.buf);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const r = readerOf(vm, h);
      if (r.dialect) visit(r.dialect);
      if (r.input) visit(r.input);
      if (r.fields) visit(r.fields);
    },
    iter: (vm, h) => (vm.incref(h), h),
    iternext: readerNext,
    getset: {
      dialect: {
        name: 'dialect',
        get: (vm, h) => (vm.incref(readerOf(vm, h).dialect), readerOf(vm, h).dialect),
      },
      line_num: { name: 'line_num', get: (vm, h) => fromLong(vm, readerOf(vm, h).lineNum) },
    },
  });
