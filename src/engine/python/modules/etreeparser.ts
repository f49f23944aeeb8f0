import { doRaise, raiseString } from '../abstract/errors';
import { setAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { NotSupported } from '../errors';
import { bytesContent, bytesNew, byteString } from '../objects/bytes';
import { dictEntries, dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { tupleItems } from '../objects/tuple';
import {
  elementAppend,
  elementNew,
  elementSetField,
  elementState,
} from '../objects/etreeelement';
import { exc } from '../objects/exctypes';
import { listAppend, listNew } from '../objects/list';
import { moduleType } from '../objects/modtypes';
import { genericAlloc } from '../objects/object';
import { strNew, strResult, strValue } from '../objects/str';
import { tupleFromArray } from '../abstract/call';
import { Meth, T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { XmlTokenizer, type XmlToken } from './etreetokens';

/**
 * _elementtree.XMLParser with its C TreeBuilder (3.11), over expat. The parser object (120 bytes +
 * GC head), its `names` and `entity` dicts and the TreeBuilder (160 + GC head, a 20-slot stack list)
 * are made at XMLParser(); expat's own structures come through PyObject_Malloc (pyexpat's memory
 * suite): measured with tracemalloc 4,904 bytes in 26 blocks at XMLParser() and 6,533 more at the
 * first feed (its tag stack, data buffer, name pools and hash tables), all freed with the parser.
 * expat's input buffer: XML_Parse parses a chunk in place when nothing is pending and keeps what is
 * left of an unfinished token (the whitespace after the root, a tag cut by the chunk's end) in a
 * buffer of twice the chunk's length (REALLOC(m_buffer, len * 2)): 128 KiB for parse()'s 64 KiB
 * reads, 2 × len(text) for fromstring, an mmapped chunk past the threshold whose free raises
 * glibc's dynamic threshold; while data is pending the next chunks are copied behind it
 * (XML_GetBuffer: the buffer doubled from its size until they fit, the old one freed).
 * The TreeBuilder as treebuilder_handle_start/data/end: a tag name decoded once into the parser's
 * `names` dict (keyed by its bytes: a temporary bytes per tag), attribute values new strs, text
 * pieces kept as one str or a list of pieces that becomes the element's text or tail as is
 * (JOIN flag) and is joined on first read; events as 2-tuples appended to the pull parser's deque.
 */

/** Expat's allocations: at XML_ParserCreate_MM, and at the first chunk parsed (sizes summing to the measured totals). */
const EXPAT_CREATE = [976, 1024, 512, 264, 128, 64];
const EXPAT_FIRST_FEED = [1024, 1024, 1024, 1024, 512, 512, 512, 432, 256, 128, 64];

interface ParserState {
  names: number;
  entity: number;
  /** TreeBuilder fields */
  builder: number;
  root: number;
  thisEl: number;
  last: number;
  lastForTail: number;
  data: number;
  stack: number;
  index: number;
  /** _setevents: the deque's append, the event strs (0 = not asked for) */
  eventsAppend: number;
  startEvent: number;
  endEvent: number;
  expat: number[];
  fed: boolean;
  /** expat's m_buffer: its block and size, and the bytes pending in it */
  buffer: number;
  bufferSize: number;
  tokens: XmlTokenizer;
  closed: boolean;
}

const parserState = (vm: Vm, h: number): ParserState => vm.table.side[h] as ParserState;

const parseErrors = new WeakMap<Vm, number>();
/** The module's ParseError class (a SyntaxError subclass made by its Python part). */
export const setParseError = (vm: Vm, cls: number): void => void parseErrors.set(vm, cls);

/** expat_set_error: ParseError(message) with .code and .position (line, column), raised. */
function parseError(vm: Vm, code: number, message: string, line: number, col: number): never {
  const cls = parseErrors.get(vm);
  if (cls === undefined) throw raiseString(vm, exc('SyntaxError'), message);
  const msg = strNew(vm, message);
  const err = call(vm, cls, [msg], null);
  vm.decref(msg);
  try {
    const c = fromLong(vm, code);
    setAttr(vm, err, 'code', c);
    vm.decref(c);
    const l = fromLong(vm, line);
    const k = fromLong(vm, col);
    const pos = tupleFromArray(vm, [l, k]);
    vm.decref(l);
    vm.decref(k);
    setAttr(vm, err, 'position', pos);
    vm.decref(pos);
    throw doRaise(vm, err, 0);
  } finally {
    vm.decref(err);
  }
}

const tokError = (vm: Vm, s: ParserState, code: number, what: string): never =>
  parseError(vm, code, `${what}: line ${s.tokens.line}, column ${s.tokens.col}`, s.tokens.line, s.tokens.col);

export function xmlParserNew(vm: Vm, type: TypeSlots, target: number): number {
  if (target !== 0 && target !== vm.s.None && vm.typeOf(target).name !== 'TreeBuilder')
    throw new NotSupported('XMLParser with a custom target');
  const h = genericAlloc(vm, type, 0);
  const names = dictNew(vm);
  const entity = dictNew(vm);
  const expat = EXPAT_CREATE.map((n) => vm.mem.malloc(n));
  let builder = target;
  if (builder === 0 || builder === vm.s.None) builder = call(vm, moduleType(vm, TreeBuilderType).typeObject, [], null);
  else vm.incref(builder);
  const stack = listNew(vm, 20);
  const s: ParserState = {
    names,
    entity,
    builder,
    root: 0,
    thisEl: vm.s.None,
    last: vm.s.None,
    lastForTail: 0,
    data: 0,
    stack,
    index: 0,
    eventsAppend: 0,
    startEvent: 0,
    endEvent: 0,
    expat,
    fed: false,
    buffer: 0,
    bufferSize: 0,
    tokens: new XmlTokenizer(),
    closed: false,
  };
  vm.incref(vm.s.None);
  vm.incref(vm.s.None);
  vm.table.side[h] = s;
  return h;
}

function xmlParserDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const s = vm.table.side[h] as ParserState | undefined;
  if (s !== undefined) {
    for (const p of s.expat) vm.mem.free(p);
    s.expat = [];
    if (s.buffer) vm.mem.free(s.buffer);
    s.buffer = 0;
    for (const k of ['names', 'entity', 'builder', 'stack', 'thisEl', 'last', 'eventsAppend', 'startEvent', 'endEvent'] as const) {
      const v = s[k];
      s[k] = 0;
      if (v) vm.decref(v);
    }
    for (const k of ['root', 'lastForTail', 'data'] as const) {
      const v = s[k];
      s[k] = 0;
      if (v) vm.decref(v);
    }
  }
  vm.gcDel(h);
}

/** makeuniversal: the name's str from the `names` dict (a temporary bytes key per lookup), decoded on first sight. */
function universal(vm: Vm, s: ParserState, raw: string): number {
  const key = bytesNew(vm, raw);
  try {
    const hit = dictGetItem(vm, s.names, key);
    if (hit !== 0) {
      vm.incref(hit);
      return hit;
    }
    const nsAt = raw.indexOf('}');
    const text = decodeUtf8(nsAt >= 0 ? '{' + raw : raw);
    const v = strResult(vm, text);
    dictSetItem(vm, s.names, key, v);
    return v;
  } finally {
    vm.decref(key);
  }
}

const decodeUtf8 = (latin: string): string => {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(latin)) return latin;
  const b = new Uint8Array(latin.length);
  for (let i = 0; i < latin.length; i++) b[i] = latin.charCodeAt(i);
  return new TextDecoder('utf-8').decode(b);
};

function flushData(vm: Vm, s: ParserState): void {
  if (s.data === 0) return;
  const data = s.data;
  s.data = 0;
  const list = vm.table.type[data] === T.List;
  const el = s.lastForTail !== 0 ? s.lastForTail : s.last;
  const field = s.lastForTail !== 0 ? 'tail' : 'text';
  const st = elementState(vm, el);
  if (st[field] === vm.s.None) {
    elementSetField(vm, el, field, data, list);
    return;
  }
  // text already set (a comment or PI in between is not modelled): append the pieces
  vm.decref(data);
}

function appendEvent(vm: Vm, s: ParserState, action: number, node: number): void {
  if (s.eventsAppend === 0 || action === 0) return;
  const ev = tupleFromArray(vm, [action, node]);
  try {
    vm.decref(call(vm, s.eventsAppend, [ev], null));
  } finally {
    vm.decref(ev);
  }
}

function handleStart(vm: Vm, s: ParserState, tok: Extract<XmlToken, { kind: 'start' }>): void {
  const tag = universal(vm, s, tok.name);
  let attrib = 0;
  try {
    if (tok.attrs.length > 0) {
      attrib = dictNew(vm);
      for (const [k, v] of tok.attrs) {
        const key = universal(vm, s, k);
        const value = strResult(vm, decodeUtf8(v));
        dictSetItem(vm, attrib, key, value);
        vm.decref(key);
        vm.decref(value);
      }
    }
    flushData(vm, s);
    const node = elementNew(vm, tag, attrib);
    if (s.thisEl !== vm.s.None) elementAppend(vm, s.thisEl, node);
    else {
      if (s.root !== 0) tokError(vm, s, 9, 'junk after document element');
      vm.incref(node);
      s.root = node;
    }
    const prev = s.thisEl;
    if (s.index < vm.table.n[s.stack]) {
      vm.incref(prev);
      listSet(vm, s.stack, s.index, prev);
    } else {
      vm.incref(prev);
      listAppend(vm, s.stack, prev);
    }
    s.index++;
    vm.incref(node);
    s.thisEl = node;
    vm.decref(prev);
    vm.incref(node);
    vm.decref(s.last);
    s.last = node;
    if (s.lastForTail) vm.decref(s.lastForTail);
    s.lastForTail = 0;
    appendEvent(vm, s, s.startEvent, node);
    vm.decref(node);
  } finally {
    vm.decref(tag);
    if (attrib) vm.decref(attrib);
  }
}

function listSet(vm: Vm, l: number, i: number, v: number): void {
  const items = vm.table.ref[l];
  const old = vm.pool.data[items + i];
  vm.pool.data[items + i] = v;
  if (old) vm.decref(old);
}

function handleEnd(vm: Vm, s: ParserState): void {
  flushData(vm, s);
  if (s.index === 0) tokError(vm, s, 7, 'mismatched tag');
  s.index--;
  const item = vm.pool.data[vm.table.ref[s.stack] + s.index];
  vm.incref(item);
  const ended = s.thisEl;
  vm.decref(s.last);
  s.last = ended;
  vm.incref(ended);
  if (s.lastForTail) vm.decref(s.lastForTail);
  s.lastForTail = ended;
  s.thisEl = item;
  appendEvent(vm, s, s.endEvent, ended);
}

function handleData(vm: Vm, s: ParserState, text: string): void {
  const data = strResult(vm, decodeUtf8(text));
  if (s.data === 0) {
    if (s.last === vm.s.None) {
      vm.decref(data);
      return;
    }
    s.data = data;
    return;
  }
  if (vm.table.type[s.data] === T.List) {
    listAppend(vm, s.data, data);
    return;
  }
  const l = listNew(vm, 2);
  vm.pool.data[vm.table.ref[l]] = s.data;
  vm.pool.data[vm.table.ref[l] + 1] = data;
  s.data = l;
}

/**
 * expat_parse: one chunk (a latin-1 string of its bytes), final or not. Names, attribute values
 * and text pieces become strs as PyUnicode_DecodeUTF8 makes them (unicode_result: a one-character
 * latin-1 str is its cached singleton: the "\n" piece of every indented text costs nothing).
 */
function expatParse(vm: Vm, h: number, chunk: string, final: boolean): void {
  const s = parserState(vm, h);
  if (s.closed) tokError(vm, s, 3, 'no element found');
  if (!s.fed && chunk.length > 0) {
    s.fed = true;
    for (const n of EXPAT_FIRST_FEED) s.expat.push(vm.mem.malloc(n));
  }
  const pendingBefore = s.tokens.pending.length;
  if (pendingBefore > 0 && chunk.length > 0) {
    // XML_GetBuffer: keep the pending bytes (and up to 1 KiB of context), double until it fits
    const needed = chunk.length + pendingBefore + Math.min(1024, s.tokens.consumedSoFar);
    if (needed > s.bufferSize) {
      let size = s.bufferSize || 1024;
      while (size < needed) size *= 2;
      const nb = vm.mem.malloc(size);
      if (s.buffer) vm.mem.free(s.buffer);
      s.buffer = nb;
      s.bufferSize = size;
    }
  }
  s.tokens.feed(chunk);
  for (;;) {
    const tok = s.tokens.next(final);
    if (tok === null) break;
    if (tok.kind === 'error') {
      const m = /line (\d+), column (\d+)$/.exec(tok.message)!;
      parseError(vm, tok.code, tok.message, Number(m[1]), Number(m[2]));
    }
    if (tok.kind === 'start') {
      handleStart(vm, s, tok);
      if (tok.empty) handleEnd(vm, s);
    } else if (tok.kind === 'end') handleEnd(vm, s);
    else if (tok.kind === 'data') handleData(vm, s, tok.text);
  }
  const left = s.tokens.pending.length;
  if (pendingBefore === 0 && left > 0 && left > s.bufferSize) {
    // XML_Parse's leftover: REALLOC(m_buffer, len * 2)
    const size = chunk.length * 2;
    s.buffer = s.buffer ? vm.mem.realloc(s.buffer, size) : vm.mem.malloc(size);
    s.bufferSize = size;
    vm.mem.touch(s.buffer, Math.min(left, size));
  }
  if (final) {
    if (s.root === 0 || s.index !== 0 || !s.tokens.rootClosed) tokError(vm, s, 3, 'no element found');
    s.closed = true;
  }
}

function chunkText(vm: Vm, data: number): string {
  const t = vm.table.type[data];
  if (t === T.Str) return utf8Latin(strValue(vm, data));
  if (t === T.Bytes) {
    const b = byteString(bytesContent(vm, data));
    if (b === null) throw new NotSupported('XMLParser.feed of bytes over 64 MiB');
    return b;
  }
  throw raiseString(vm, exc('TypeError'), `a bytes-like object is required, not '${vm.typeOf(data).name}'`);
}

const utf8Latin = (s: string): string => {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  return String.fromCharCode(...new TextEncoder().encode(s));
};

function closeParser(vm: Vm, h: number): number {
  expatParse(vm, h, '', true);
  const s = parserState(vm, h);
  vm.incref(s.root);
  return s.root;
}

const XMLPARSER_METHODS = [
  {
    name: 'feed',
    flags: Meth.O,
    impl: (vm: Vm, h: number, a: readonly number[]) => (expatParse(vm, h, chunkText(vm, a[0]), false), (vm.incref(vm.s.None), vm.s.None)),
  },
  { name: 'close', flags: Meth.NoArgs, impl: (vm: Vm, h: number) => closeParser(vm, h) },
  {
    name: '_parse_whole',
    flags: Meth.O,
    impl: (vm: Vm, h: number, a: readonly number[]) => {
      // reads of 64 KiB until an empty one, each fed as it comes
      for (;;) {
        const chunk = callRead(vm, a[0], 64 * 1024);
        try {
          const text = chunkText(vm, chunk);
          if (text.length === 0) break;
          expatParse(vm, h, text, false);
        } finally {
          vm.decref(chunk);
        }
      }
      return closeParser(vm, h);
    },
  },
  {
    name: '_setevents',
    flags: Meth.Fastcall,
    impl: (vm: Vm, h: number, a: readonly number[]) => {
      const s = parserState(vm, h);
      s.eventsAppend = getattr(vm, a[0], 'append');
      const events = a[1] ?? 0;
      const names = events === 0 || events === vm.s.None ? ['end'] : iterStrs(vm, events);
      for (const n of names) {
        const o = strNew(vm, n);
        if (n === 'start') s.startEvent = o;
        else if (n === 'end') s.endEvent = o;
        else {
          vm.decref(o);
          throw new NotSupported(`iterparse events ${JSON.stringify(n)}`);
        }
      }
      vm.incref(vm.s.None);
      return vm.s.None;
    },
  },
];

import { getAttr as getattr } from '../abstract/attr';
import { getIter, iterNext } from '../abstract/iter';
import { fromLong } from '../objects/int';
import { callMethod } from '../abstract/call';

function callRead(vm: Vm, f: number, n: number): number {
  const size = fromLong(vm, n);
  try {
    return callMethod(vm, f, 'read', [size]);
  } finally {
    vm.decref(size);
  }
}

function iterStrs(vm: Vm, seq: number): string[] {
  const out: string[] = [];
  const it = getIter(vm, seq);
  try {
    for (let x = iterNext(vm, it); x !== 0; x = iterNext(vm, it)) {
      out.push(strValue(vm, x));
      vm.decref(x);
    }
  } finally {
    vm.decref(it);
  }
  return out;
}

export const XMLParserType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'XMLParser',
    module: 'xml.etree.ElementTree',
    basicsize: 120,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    new: (vm, type, args, kwargs) => {
      let target = tupleItems(vm, args)[0] ?? 0;
      if (kwargs !== 0)
        for (const [k, v] of dictEntries(vm, kwargs)) {
          const name = strValue(vm, k);
          if (name === 'target') target = v;
          else if (name !== 'encoding') throw new NotSupported(`XMLParser(${name}=...)`);
        }
      return xmlParserNew(vm, type, target);
    },
    dealloc: xmlParserDealloc,
    traverse: (vm, h, visit) => {
      const s = parserState(vm, h);
      for (const v of [s.names, s.entity, s.builder, s.root, s.stack, s.data]) if (v) visit(v);
    },
    clear: null,
    methods: Object.fromEntries(XMLPARSER_METHODS.map((d) => [d.name, d])),
  });

/** The C TreeBuilder as a target: only its default use (XMLParser(target=TreeBuilder())) is modelled. */
export const TreeBuilderType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'TreeBuilder',
    module: 'xml.etree.ElementTree',
    basicsize: 160,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    new: (vm, type) => genericAlloc(vm, type, 0),
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      vm.gcDel(h);
    },
    traverse: null,
    clear: null,
    methods: {},
  });
