import { call } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { NotSupported, type PyError } from '../errors';
import { builtinStatic } from '../objects/descr';
import { dictDelItem, dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { isCallable } from '../objects/dictsub';
import { jsIterNew, jsIterType } from '../objects/jsiter';
import { fromLong, intValue } from '../objects/int';
import { listAppend, listItem, listNew } from '../objects/list';
import { moduleType } from '../objects/modtypes';
import { moduleData, moduleStatic } from '../objects/module';
import { strJoin, strNew, strResult, strValue } from '../objects/str';
import { F_IMMORTAL } from '../objects/table';
import { tupleFromItems } from '../objects/tuple';
import { Meth, T, TpFlags, defineType, type Kwargs, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { loadedAtStartup } from './footprint';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { FLAGS, RegexSyntax, RegexUnsupported, translate } from './retranslate';
import {
  groupValue,
  matchNew,
  MatchType,
  patternDealloc,
  patternNew,
  patternOf,
  tupleBuilt,
  typeCheckStr,
  type PatternState,
} from './retypes';

/**
 * re (Lib/re/__init__.py over _sre, 3.11; loaded at start-up in the recorder's process). Every
 * module function goes through re._compile's cache, a dict keyed by (type, pattern, flags) (the
 * key tuple made and freed at each call; 512 patterns at most, the oldest dropped), as the real
 * one. Each search runs _sre's state: the marks array (PyMem, 16 bytes a group), the data stack
 * (1,094 bytes at the first context, freed when the state is reset) around each match found;
 * results are Match objects, strs cut from the string (the cached ones for 0 or 1 character),
 * tuples of groups, lists grown by appends. Pattern compilation (sre_parse, sre_compile in Python)
 * is not modelled: its transient objects are not allocated and the code size is an estimate.
 */
const MAXCACHE = 512;

interface ReState {
  cache: number;
  error: number;
}
const states = new WeakMap<Vm, ReState>();
const reState = (vm: Vm): ReState => states.get(vm)!;

const patternTypeId = (vm: Vm): number => moduleType(vm, PatternType).id;
const matchTypeId = (vm: Vm): number => moduleType(vm, MatchType).id;

function compileText(vm: Vm, pattern: number, flags: number): number {
  const text = strValue(vm, pattern);
  try {
    return patternNew(vm, patternTypeId(vm), pattern, translate(text, flags));
  } catch (e) {
    if (e instanceof RegexUnsupported) throw new NotSupported(`${e.message} (re)`);
    if (e instanceof RegexSyntax) throw errorOf(vm, `${e.message} at position ${e.pos}`);
    if (e instanceof SyntaxError)
      throw new NotSupported(`the regular expression ${JSON.stringify(text)} (${e.message})`);
    throw e;
  }
}

const errorOf = (vm: Vm, msg: string): PyError => raiseString(vm, vm.slotsOf(reState(vm).error).id, msg);

/** re._compile: the cache's key tuple (made, looked up, freed), the pattern compiled on a miss. */
function compileCached(vm: Vm, pattern: number, flagsObj: number): number {
  if (vm.table.type[pattern] === moduleType(vm, PatternType).id) {
    vm.incref(pattern);
    return pattern;
  }
  typeCheckStr(vm, pattern, 'pattern');
  const flags = flagsObj === 0 ? 0 : Number(intValue(vm, flagsObj));
  const st = reState(vm);
  vm.incref(pattern);
  const key = tupleFromItems(vm, [vm.typeOf(pattern).typeObject, pattern, fromLong(vm, flags)]);
  vm.incref(vm.typeOf(pattern).typeObject);
  try {
    const hit = dictGetItem(vm, st.cache, key);
    if (hit !== 0) {
      vm.incref(hit);
      return hit;
    }
    const p = compileText(vm, pattern, flags);
    if (vm.table.n[st.cache] >= MAXCACHE) {
      const it = (vm.table.side[st.cache] as { keys: Int32Array; nentries: number }).keys;
      const oldest = it.find((k) => k !== 0);
      if (oldest !== undefined) dictDelItem(vm, st.cache, oldest);
    }
    dictSetItem(vm, st.cache, key, p);
    return p;
  } finally {
    vm.decref(key);
  }
}

/** One search from `pos`: [start, end] per group in code points, or null. */
function exec(
  p: PatternState,
  s: string,
  pos: number,
  mode: 'search' | 'match' | 'fullmatch',
  endpos: number,
): number[] | null {
  const re = p.re;
  const hay = endpos < s.length ? s.slice(0, endpos) : s;
  re.lastIndex = pos;
  const m = re.exec(hay);
  if (m === null) return null;
  if (mode !== 'search' && m.index !== pos) {
    if (mode === 'match' || mode === 'fullmatch') {
      const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
      sticky.lastIndex = pos;
      const m2 = sticky.exec(hay);
      if (m2 === null) return null;
      return spansOf(m2, p.t.groups, mode, hay.length);
    }
  }
  return spansOf(m, p.t.groups, mode, hay.length);
}

function spansOf(m: RegExpExecArray, groups: number, mode: string, end: number): number[] | null {
  if (mode === 'fullmatch' && m.index + m[0].length !== end) return null;
  const out = [m.index, m.index + m[0].length];
  const idx = (m as RegExpExecArray & { indices?: [number, number][] }).indices;
  for (let g = 1; g <= groups; g++) {
    if (m[g] === undefined) out.push(-1, -1);
    else if (idx) out.push(idx[g][0], idx[g][1]);
    else {
      const at = m.input.indexOf(m[g], m.index);
      out.push(at, at + m[g].length);
    }
  }
  return out;
}

/** state_init's marks (PyMem_Malloc(2 × groups × 8)) for the length of `body`, freed by state_fini. */
function withState<R>(vm: Vm, p: PatternState, body: (stack: () => void, reset: () => void) => R): R {
  const marks = vm.mem.malloc(16 * p.t.groups);
  let stack = 0;
  const grow = (): void => {
    if (stack === 0) stack = vm.mem.realloc(0, 1094);
  };
  const reset = (): void => {
    if (stack !== 0) vm.mem.free(stack);
    stack = 0;
  };
  try {
    return body(grow, reset);
  } finally {
    reset();
    vm.mem.free(marks);
  }
}

function searchOne(
  vm: Vm,
  ph: number,
  s: number,
  mode: 'search' | 'match' | 'fullmatch',
  pos = 0,
  endpos = Infinity,
): number {
  const p = patternOf(vm, ph);
  const text = typeCheckStr(vm, s, mode);
  const end = Math.min(endpos, text.length);
  return withState(vm, p, (grow) => {
    const spans = exec(p, text, Math.max(0, pos), mode, end);
    if (spans === null) return vm.s.None;
    grow();
    return matchNew(vm, matchTypeId(vm), ph, s, spans, pos, end);
  });
}

/** All non-overlapping matches from the start (an empty match moves the search on by one). */
function* allMatches(p: PatternState, text: string): Generator<number[]> {
  let pos = 0;
  while (pos <= text.length) {
    const spans = exec(p, text, pos, 'search', text.length);
    if (spans === null) return;
    yield spans;
    pos = spans[1] === spans[0] ? spans[1] + 1 : spans[1];
  }
}

function findall(vm: Vm, ph: number, s: number): number {
  const p = patternOf(vm, ph);
  const text = typeCheckStr(vm, s, 'findall');
  return withState(vm, p, (grow, reset) => {
    const list = listNew(vm, 0);
    for (const spans of allMatches(p, text)) {
      grow();
      const m = { pattern: ph, string: s, spans, pos: 0, endpos: text.length };
      let item: number;
      if (p.t.groups === 0) item = groupValue(vm, m, 0, vm.s.None);
      else if (p.t.groups === 1) item = groupValue(vm, m, 1, vm.s.emptyStr);
      else item = tupleBuilt(vm, p.t.groups, (g) => groupValue(vm, m, g + 1, vm.s.emptyStr));
      listAppend(vm, list, item);
      reset();
    }
    return list;
  });
}

const CallableIterator = jsIterType('callable_iterator', 'builtins', 24);

/** finditer: the matches made one by one. */
function finditer(vm: Vm, ph: number, s: number): number {
  const p = patternOf(vm, ph);
  const text = typeCheckStr(vm, s, 'finditer');
  const gen = allMatches(p, text);
  vm.incref(ph);
  vm.incref(s);
  // iter(scanner.search, None): a callable_iterator (16 + 24) over the scanner's searches
  return jsIterNew(
    vm,
    CallableIterator,
    () => {
      const r = gen.next();
      if (r.done) return 0;
      return withState(vm, p, (grow) => {
        grow();
        return matchNew(vm, matchTypeId(vm), ph, s, r.value, 0, text.length);
      });
    },
    [ph, s],
  );
}

/** The replacement template: \\1, \\g<1>, \\g<name>, \\n and the other escapes. */
function expandTemplate(
  vm: Vm,
  p: PatternState,
  template: string,
  m: { spans: number[] },
  text: string,
): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = template[++i];
    const grp = (g: number): string =>
      m.spans[2 * g] < 0 ? '' : text.slice(m.spans[2 * g], m.spans[2 * g + 1]);
    if (n >= '0' && n <= '9') {
      let j = i;
      while (j + 1 < template.length && /[0-9]/.test(template[j + 1]) && j - i < 1) j++;
      out += grp(Number(template.slice(i, j + 1)));
      i = j;
    } else if (n === 'g') {
      const close = template.indexOf('>', i);
      const name = template.slice(i + 2, close);
      const g = /^\d+$/.test(name) ? Number(name) : p.t.groupIndex.get(name);
      if (g === undefined) throw errorOf(vm, `unknown group name '${name}'`);
      out += grp(g);
      i = close;
    } else
      out +=
        ({ n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', '\\': '\\' } as Record<string, string>)[
          n
        ] ?? '\\' + n;
  }
  return out;
}

/**
 * pattern_subx: the pieces go into a list (PyList_New(0), then PyList_Append of each slice of the
 * subject between matches, getslice's PyUnicode_Substring, and of each replacement: the template
 * itself when it has no backslash, else its expansion, or the callable's result unless None),
 * the match state is released, then PyUnicode_Join('', list) makes the result (one exact str in
 * the list is returned as is: a sub with no match gives the subject back) and the list goes.
 */
function subn(vm: Vm, ph: number, repl: number, s: number, count: number): [number, number] {
  const p = patternOf(vm, ph);
  const text = typeCheckStr(vm, s, 'sub');
  const fn = vm.table.type[repl] !== T.Str && isCallable(vm, repl) ? repl : 0;
  const template = fn === 0 ? typeCheckStr(vm, repl, 'sub') : '';
  const literal = fn === 0 && !template.includes('\\');
  const slice = (lo: number, hi: number): number => {
    if (lo === 0 && hi === text.length) {
      vm.incref(s);
      return s;
    }
    return strResult(vm, text.slice(lo, hi));
  };
  let pieces = 0;
  try {
    const n = withState(vm, p, (grow, reset) => {
      pieces = listNew(vm, 0);
      let last = 0;
      let found = 0;
      for (const spans of allMatches(p, text)) {
        if (count > 0 && found >= count) break;
        grow();
        if (last < spans[0]) appendOwned(vm, pieces, slice(last, spans[0]));
        let item: number;
        if (fn !== 0) {
          const m = matchNew(vm, matchTypeId(vm), ph, s, spans, 0, text.length);
          try {
            item = call(vm, fn, [m], null);
          } finally {
            vm.decref(m);
          }
        } else if (literal) {
          vm.incref(repl);
          item = repl;
        } else item = strResult(vm, expandTemplate(vm, p, template, { spans }, text));
        if (item !== vm.s.None) appendOwned(vm, pieces, item);
        else vm.decref(item);
        last = spans[1];
        found++;
        reset();
      }
      if (last < text.length) appendOwned(vm, pieces, slice(last, text.length));
      return found;
    });
    const items: number[] = [];
    for (let i = 0; i < vm.table.n[pieces]; i++) items.push(listItem(vm, pieces, i));
    for (const it of items)
      if (vm.table.type[it] !== T.Str && !vm.typeOf(it).mro.includes(T.Str))
        throw typeError(
          vm,
          `sequence item ${items.indexOf(it)}: expected str instance, ${vm.typeOf(it).name} found`,
        );
    return [strJoin(vm, vm.s.emptyStr, items), n];
  } finally {
    if (pieces !== 0) vm.decref(pieces);
  }
}

/** PyList_Append then the caller's Py_DECREF of the item: the list keeps the one reference. */
const appendOwned = (vm: Vm, list: number, item: number): void => listAppend(vm, list, item);

function split(vm: Vm, ph: number, s: number, maxsplit: number): number {
  const p = patternOf(vm, ph);
  const text = typeCheckStr(vm, s, 'split');
  return withState(vm, p, (grow, reset) => {
    const list = listNew(vm, 0);
    let last = 0;
    let n = 0;
    for (const spans of allMatches(p, text)) {
      if (maxsplit > 0 && n >= maxsplit) break;
      grow();
      listAppend(vm, list, strResult(vm, text.slice(last, spans[0])));
      const m = { pattern: ph, string: s, spans, pos: 0, endpos: text.length };
      for (let g = 1; g <= p.t.groups; g++) listAppend(vm, list, groupValue(vm, m, g, vm.s.None));
      last = spans[1];
      n++;
      reset();
    }
    listAppend(vm, list, strResult(vm, text.slice(last)));
    return list;
  });
}

const arg = (a: readonly number[], kw: Kwargs | null, i: number, name: string): number | undefined =>
  a[i] ?? kw?.get(name);
const intArg = (vm: Vm, h: number | undefined, d: number): number =>
  h === undefined ? d : Number(intValue(vm, h));

const PATTERN_METHODS: Record<string, MethodDef> = Object.fromEntries(
  (
    [
      [
        'match',
        (vm, h, a, kw) =>
          searchOne(
            vm,
            h,
            arg(a, kw, 0, 'string')!,
            'match',
            intArg(vm, arg(a, kw, 1, 'pos'), 0),
            intArg(vm, arg(a, kw, 2, 'endpos'), Infinity),
          ),
      ],
      [
        'search',
        (vm, h, a, kw) =>
          searchOne(
            vm,
            h,
            arg(a, kw, 0, 'string')!,
            'search',
            intArg(vm, arg(a, kw, 1, 'pos'), 0),
            intArg(vm, arg(a, kw, 2, 'endpos'), Infinity),
          ),
      ],
      [
        'fullmatch',
        (vm, h, a, kw) =>
          searchOne(
            vm,
            h,
            arg(a, kw, 0, 'string')!,
            'fullmatch',
            intArg(vm, arg(a, kw, 1, 'pos'), 0),
            intArg(vm, arg(a, kw, 2, 'endpos'), Infinity),
          ),
      ],
      ['findall', (vm, h, a, kw) => findall(vm, h, arg(a, kw, 0, 'string')!)],
      ['finditer', (vm, h, a, kw) => finditer(vm, h, arg(a, kw, 0, 'string')!)],
      [
        'sub',
        (vm, h, a, kw) =>
          subn(
            vm,
            h,
            arg(a, kw, 0, 'repl')!,
            arg(a, kw, 1, 'string')!,
            intArg(vm, arg(a, kw, 2, 'count'), 0),
          )[0],
      ],
      [
        'subn',
        (vm, h, a, kw) => {
          const [r, n] = subn(
            vm,
            h,
            arg(a, kw, 0, 'repl')!,
            arg(a, kw, 1, 'string')!,
            intArg(vm, arg(a, kw, 2, 'count'), 0),
          );
          return tupleFromItems(vm, [r, fromLong(vm, n)]);
        },
      ],
      [
        'split',
        (vm, h, a, kw) => split(vm, h, arg(a, kw, 0, 'string')!, intArg(vm, arg(a, kw, 1, 'maxsplit'), 0)),
      ],
      [
        '__sizeof__',
        () => {
          throw new NotSupported('the size of a compiled regular expression (its sre code is not generated)');
        },
      ],
    ] as [string, MethodDef['impl']][]
  ).map(([name, impl]) => [name, { name, flags: Meth.Fastcall | Meth.Keywords, impl }]),
);

export const PatternType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Pattern',
    module: 're',
    basicsize: 144,
    flags: TpFlags.HaveGc,
    dealloc: patternDealloc,
    traverse: (vm, h, visit) => visit(patternOf(vm, h).source),
    reprText: (vm, h) => `re.compile(${JSON.stringify(patternOf(vm, h).text).replace(/^"|"$/g, "'")})`,
    hash: (vm, h) => BigInt(vm.id(h)),
    methods: PATTERN_METHODS,
    getset: {
      pattern: {
        name: 'pattern',
        get: (vm, h) => (vm.incref(patternOf(vm, h).source), patternOf(vm, h).source),
      },
      flags: { name: 'flags', get: (vm, h) => fromLong(vm, patternOf(vm, h).t.pyFlags) },
      groups: { name: 'groups', get: (vm, h) => fromLong(vm, patternOf(vm, h).t.groups) },
    },
  });

/** The module-level functions: re._compile(pattern, flags), then the Pattern's method. */
function viaCompile(name: string, patIndex: number, flagsIndex: number, method: string): MethodDef {
  return {
    name,
    flags: Meth.Fastcall | Meth.Keywords,
    impl: (vm, _m, a, kw) => {
      const pattern = arg(a, kw, 0, 'pattern');
      if (pattern === undefined) throw typeError(vm, `${name}() missing required argument 'pattern' (pos 1)`);
      const flags = arg(a, kw, flagsIndex, 'flags') ?? 0;
      const p = compileCached(vm, pattern, flags);
      try {
        const rest = a.slice(patIndex + 1, flagsIndex);
        const restKw = new Map(kw ?? []);
        restKw.delete('pattern');
        restKw.delete('flags');
        return PATTERN_METHODS[method].impl(vm, p, rest, restKw.size ? restKw : null);
      } finally {
        vm.decref(p);
      }
    },
  };
}

const FUNCTIONS: MethodDef[] = [
  viaCompile('match', 0, 2, 'match'),
  viaCompile('search', 0, 2, 'search'),
  viaCompile('fullmatch', 0, 2, 'fullmatch'),
  viaCompile('findall', 0, 2, 'findall'),
  viaCompile('finditer', 0, 2, 'finditer'),
  viaCompile('split', 0, 3, 'split'),
  viaCompile('sub', 0, 4, 'sub'),
  viaCompile('subn', 0, 4, 'subn'),
  {
    name: 'compile',
    flags: Meth.Fastcall | Meth.Keywords,
    impl: (vm, _m, a, kw) => compileCached(vm, arg(a, kw, 0, 'pattern')!, arg(a, kw, 1, 'flags') ?? 0),
  },
  {
    name: 'escape',
    flags: Meth.O,
    impl: (vm, _m, a) =>
      strNew(
        vm,
        typeCheckStr(vm, a[0], 'escape').replace(/[^\p{L}\p{N}_]/gu, (c) => '\\' + c),
      ),
  },
  {
    name: 'purge',
    flags: Meth.NoArgs,
    impl: (vm) => {
      const d = reState(vm).cache;
      for (const k of [...((vm.table.side[d] as { keys: Int32Array }).keys ?? [])])
        if (k) dictDelItem(vm, d, k);
      return vm.s.None;
    },
  },
];

export const reModule: ModuleSpec = {
  name: 're',
  load: (vm) => {
    let st = states.get(vm);
    if (st === undefined) {
      const globals = runPythonPart(
        vm,
        're',
        'class error(Exception):\n    def __init__(self, msg, pattern=None, pos=None):\n        self.msg = msg\n        self.pattern = pattern\n        self.pos = pos\n        super().__init__(msg)\n',
        {},
      );
      const mem = vm.mem;
      // restored, not cleared: `import re` may run inside another module's accounted Python part
      // (locale's body imports re), whose later blocks must stay accounted too
      const was = mem.accounted;
      mem.accounted = true;
      let cache: number;
      try {
        cache = dictNew(vm);
        vm.table.flags[cache] |= F_IMMORTAL;
      } finally {
        mem.accounted = was;
      }
      st = { cache, error: partName(vm, globals, 'error') };
      states.set(vm, st);
    }
    const m = moduleStatic(vm, 're');
    const attrs = moduleData(vm, m).attrs;
    for (const d of FUNCTIONS) attrs.set(d.name, builtinStatic(vm, { ...d, qualname: d.name }, 're'));
    for (const [k, v] of Object.entries(FLAGS)) {
      attrs.set(k, fromLong(vm, v));
      const long = {
        I: 'IGNORECASE',
        L: 'LOCALE',
        M: 'MULTILINE',
        S: 'DOTALL',
        U: 'UNICODE',
        X: 'VERBOSE',
        A: 'ASCII',
      }[k];
      if (long) attrs.set(long, fromLong(vm, v));
    }
    attrs.set('error', st.error);
    attrs.set('Pattern', moduleType(vm, PatternType).typeObject);
    attrs.set('Match', moduleType(vm, MatchType).typeObject);
    registerReducer(vm, attrs, !loadedAtStartup(vm, 're'));
    return m;
  },
};

/**
 * re/__init__.py's _compile and _pickle, and its last line: `copyreg.pickle(Pattern, _pickle,
 * _pickle)`, so copyreg's dispatch_table holds Pattern's reducer once re is imported (3 entries:
 * complex, Union, Pattern). Where re is loaded at start-up (3.11.7) the modelled copyreg takes it
 * from here when it loads (copyregSource.ts); 3.12.1 and 3.13.0 load neither, so a script's own
 * `import re` registers it (`register`). A Python part: accounted (the import's footprint holds
 * what the real lines cost).
 */
function registerReducer(vm: Vm, attrs: Map<string, number>, register: boolean): void {
  const g = runPythonPart(
    vm,
    're',
    'def _compile(pattern, flags):\n    return _re_compile(pattern, flags)\n' +
      'def _pickle(p):\n    return _compile, (p.pattern, p.flags)\n' +
      "_compile.__module__ = _pickle.__module__ = 're'\n" +
      // what copyreg.pickle does with them (the modelled copyreg.pickle refuses user reducers)
      (register ? 'import copyreg\ncopyreg.dispatch_table[Pattern] = _pickle\n' : ''),
    { _re_compile: attrs.get('compile')!, Pattern: attrs.get('Pattern')! },
  );
  for (const name of ['_compile', '_pickle']) {
    const f = partName(vm, g, name);
    vm.incref(f);
    attrs.set(name, f);
  }
}
