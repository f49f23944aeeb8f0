import { call } from '../abstract/call';
import { raiseFormat, typeError, valueError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { E } from '../objects/exctypes';
import { moduleData } from '../objects/module';
import { moduleType } from '../objects/modtypes';
import { intern } from '../objects/str';
import { dictGetItem } from '../objects/dict';
import { tupleItems } from '../objects/tuple';
import { Meth, TpFlags, defineType, type Kwargs, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def, staticModule } from './gc';
import type { ModuleSpec } from './registry';

/**
 * contextvars / _contextvars (Python/context.c, 3.11): Context (16 GC + 48 bytes: ctx_prev,
 * ctx_vars, weakreflist, ctx_entered; ctx_freelist keeps 255 dead ones), ContextVar (16 GC + 64)
 * and Token (16 GC + 48). asyncio copies the current context for every Handle and Task
 * (`contextvars.copy_context()`), so these are its per-callback cost.
 *
 * Not modelled: the HAMT's nodes (a context's variables are a JS Map here: what a set() costs
 * beyond the Token is not allocated; copying shares them, as the HAMT does, at no cost). Each
 * thread has its own current context (PyThreadState.context), made empty on its first use.
 */
const CONTEXT_SIZE = 48;
const VAR_SIZE = 64;
const TOKEN_SIZE = 48;
const FREELIST_MAX = 255;

interface ContextData {
  vars: Map<number, number>;
  entered: boolean;
  prev: number;
}
interface VarData {
  name: number;
  dflt: number;
}
interface TokenData {
  ctx: number;
  cvar: number;
  old: number;
  used: boolean;
}

interface State {
  /** Each thread's current context (PyThreadState.context), by the thread's state object. */
  current: WeakMap<object, number>;
  free: number[];
  missing: number;
}
const states = new WeakMap<Vm, State>();
function state(vm: Vm): State {
  let s = states.get(vm);
  if (s === undefined) {
    s = { current: new WeakMap(), free: [], missing: vm.newStatic(moduleType(vm, MissingType).id) };
    states.set(vm, s);
  }
  return s;
}

const ctxOf = (vm: Vm, h: number): ContextData => vm.table.side[h] as ContextData;

/** context_new_empty / context_new_from_vars: from the free list when it has one. */
function contextNew(vm: Vm, vars: Map<number, number>): number {
  const st = state(vm);
  const type = moduleType(vm, ContextType).id;
  const h = st.free.length ? vm.reuse(st.free.pop()!, type) : vm.newGcObject(type, CONTEXT_SIZE);
  for (const [k, v] of vars) {
    vm.incref(k);
    vm.incref(v);
  }
  vm.table.side[h] = { vars: new Map(vars), entered: false, prev: 0 } satisfies ContextData;
  vm.gc.track(h);
  return h;
}

/** context_get: the thread's current context, an empty one made on first use. */
function currentContext(vm: Vm): number {
  const st = state(vm);
  let ctx = st.current.get(vm.thread);
  if (ctx === undefined) {
    ctx = contextNew(vm, new Map());
    st.current.set(vm.thread, ctx);
  }
  return ctx;
}

/** PyContext_CopyCurrent (contextvars.copy_context()). */
export function copyContext(vm: Vm): number {
  return contextNew(vm, ctxOf(vm, currentContext(vm)).vars);
}

/** Context.run: entered (ctx_prev = the current one), the callable called, exited. */
function contextRun(vm: Vm, ctx: number, args: readonly number[], kw: Kwargs | null): number {
  if (args.length < 1) throw typeError(vm, 'run() missing 1 required positional argument');
  const st = state(vm);
  const d = ctxOf(vm, ctx);
  if (d.entered) throw raiseFormat(vm, E.RuntimeError, 'cannot enter context: %R is already entered', ctx);
  const thread = vm.thread;
  d.prev = currentContext(vm);
  d.entered = true;
  st.current.set(thread, ctx);
  try {
    return call(vm, args[0], args.slice(1), kw);
  } finally {
    st.current.set(thread, d.prev);
    d.prev = 0;
    d.entered = false;
  }
}

function releaseVars(vm: Vm, vars: Map<number, number>): void {
  const items = [...vars];
  vars.clear();
  for (const [k, v] of items) {
    vm.decref(k);
    vm.decref(v);
  }
}

const ContextType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Context',
    qualname: 'Context',
    module: '_contextvars',
    basicsize: CONTEXT_SIZE,
    flags: TpFlags.HaveGc,
    new: (vm, _type, args) => {
      if (vm.table.n[args] > 0) throw typeError(vm, 'Context() does not accept any arguments');
      return contextNew(vm, new Map());
    },
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      releaseVars(vm, ctxOf(vm, h).vars);
      const st = state(vm);
      if (st.free.length < FREELIST_MAX) {
        vm.park(h);
        st.free.push(h);
      } else vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      for (const [k, v] of ctxOf(vm, h).vars) {
        visit(k);
        visit(v);
      }
    },
    mapping: {
      length: (vm, h) => ctxOf(vm, h).vars.size,
      subscript: (vm, h, key) => {
        const v = ctxOf(vm, h).vars.get(key);
        if (v === undefined) throw raiseFormat(vm, E.KeyError, '%R', key);
        vm.incref(v);
        return v;
      },
    },
    sequence: { contains: (vm, h, key) => ctxOf(vm, h).vars.has(key) },
    methods: {
      run: {
        name: 'run',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm, h, a, kw) => contextRun(vm, h, a, kw),
      },
      copy: { name: 'copy', flags: Meth.NoArgs, impl: (vm, h) => contextNew(vm, ctxOf(vm, h).vars) },
      get: {
        name: 'get',
        flags: Meth.Fastcall,
        impl: (vm, h, a) => {
          const v = ctxOf(vm, h).vars.get(a[0]) ?? a[1] ?? vm.s.None;
          vm.incref(v);
          return v;
        },
      },
    },
  });

const MissingType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Token.MISSING',
    basicsize: 16,
    flags: 0,
    dealloc: () => {},
    reprText: () => '<Token.MISSING>',
  });

const varOf = (vm: Vm, h: number): VarData => vm.table.side[h] as VarData;

/** ContextVar.get: the current context's value, else the default given, else the var's default. */
function varGet(vm: Vm, v: number, dflt: number): number {
  const found = ctxOf(vm, currentContext(vm)).vars.get(v);
  const r = found ?? (dflt || varOf(vm, v).dflt);
  if (!r) throw raiseFormat(vm, E.LookupError, '%R', v);
  vm.incref(r);
  return r;
}

/** ContextVar.set: the current context's value replaced; a Token remembers the old one. */
function varSet(vm: Vm, v: number, value: number): number {
  const ctx = currentContext(vm);
  const vars = ctxOf(vm, ctx).vars;
  const old = vars.get(v) ?? state(vm).missing;
  const tok = vm.newGcObject(moduleType(vm, TokenType).id, TOKEN_SIZE);
  vm.incref(ctx);
  vm.incref(v);
  vm.incref(old);
  vm.table.side[tok] = { ctx, cvar: v, old, used: false } satisfies TokenData;
  vm.gc.track(tok);
  vm.incref(value);
  if (vars.has(v)) vm.decref(vars.get(v)!);
  else vm.incref(v);
  vars.set(v, value);
  return tok;
}

function varReset(vm: Vm, v: number, tok: number): number {
  if (vm.table.type[tok] !== moduleType(vm, TokenType).id)
    throw typeError(vm, 'expected an instance of Token, got %R', tok);
  const t = vm.table.side[tok] as TokenData;
  if (t.used) throw raiseFormat(vm, E.RuntimeError, '%R has already been used once', tok);
  if (t.cvar !== v) throw valueError(vm, '%R was created by a different ContextVar', tok);
  const ctx = currentContext(vm);
  if (t.ctx !== ctx) throw valueError(vm, '%R was created in a different Context', tok);
  t.used = true;
  const vars = ctxOf(vm, ctx).vars;
  const cur = vars.get(v);
  if (t.old === state(vm).missing) {
    if (cur !== undefined) {
      vars.delete(v);
      vm.decref(cur);
      vm.decref(v);
    }
  } else {
    vm.incref(t.old);
    if (cur !== undefined) vm.decref(cur);
    else vm.incref(v);
    vars.set(v, t.old);
  }
  return vm.s.None;
}

const ContextVarType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'ContextVar',
    qualname: 'ContextVar',
    module: '_contextvars',
    basicsize: VAR_SIZE,
    flags: TpFlags.HaveGc,
    new: (vm, type, args, kwargs) => {
      if (vm.table.n[args] !== 1) throw typeError(vm, 'ContextVar() takes exactly 1 positional argument');
      const name = tupleItems(vm, args)[0];
      if (!(vm.typeOf(name).flags & TpFlags.UnicodeSubclass))
        throw typeError(vm, 'context variable name must be a str');
      let dflt = 0;
      if (kwargs !== 0 && vm.table.n[kwargs] > 0) {
        dflt = dictGetItem(vm, kwargs, intern(vm, 'default'));
        if (dflt === 0 || vm.table.n[kwargs] > 1)
          throw typeError(vm, 'ContextVar() got an unexpected keyword argument');
      }
      const h = vm.newGcObject(type.id, VAR_SIZE);
      vm.incref(name);
      if (dflt) vm.incref(dflt);
      vm.table.side[h] = { name, dflt } satisfies VarData;
      vm.gc.track(h);
      return h;
    },
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const d = varOf(vm, h);
      vm.decref(d.name);
      if (d.dflt) vm.decref(d.dflt);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const d = varOf(vm, h);
      visit(d.name);
      if (d.dflt) visit(d.dflt);
    },
    repr: (vm, h) => {
      const d = varOf(vm, h);
      return d.dflt
        ? unicodeFromFormat(vm, '<ContextVar name=%R default=%R at %p>', [d.name, d.dflt, vm.id(h)])
        : unicodeFromFormat(vm, '<ContextVar name=%R at %p>', [d.name, vm.id(h)]);
    },
    getset: {
      name: {
        name: 'name',
        get: (vm, h) => {
          const n = varOf(vm, h).name;
          vm.incref(n);
          return n;
        },
      },
    },
    methods: {
      get: { name: 'get', flags: Meth.Fastcall, impl: (vm, h, a) => varGet(vm, h, a[0] ?? 0) },
      set: { name: 'set', flags: Meth.O, impl: (vm, h, a) => varSet(vm, h, a[0]) },
      reset: { name: 'reset', flags: Meth.O, impl: (vm, h, a) => varReset(vm, h, a[0]) },
    },
  });

const TokenType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Token',
    qualname: 'Token',
    module: '_contextvars',
    basicsize: TOKEN_SIZE,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const t = vm.table.side[h] as TokenData;
      vm.decref(t.ctx);
      vm.decref(t.cvar);
      vm.decref(t.old);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const t = vm.table.side[h] as TokenData;
      visit(t.ctx);
      visit(t.cvar);
      visit(t.old);
    },
    getset: {
      var: {
        name: 'var',
        get: (vm, h) => {
          const v = (vm.table.side[h] as TokenData).cvar;
          vm.incref(v);
          return v;
        },
      },
      old_value: {
        name: 'old_value',
        get: (vm, h) => {
          const v = (vm.table.side[h] as TokenData).old;
          vm.incref(v);
          return v;
        },
      },
    },
  });

/** contextvars (its names from _contextvars). */
export const contextvarsModules: ModuleSpec[] = ['_contextvars', 'contextvars'].map((name) => ({
  name,
  load: (vm) => {
    const m = staticModule(vm, name, [def('copy_context', Meth.NoArgs, (vm2) => copyContext(vm2))]);
    const attrs = moduleData(vm, m).attrs;
    attrs.set('Context', moduleType(vm, ContextType).typeObject);
    attrs.set('ContextVar', moduleType(vm, ContextVarType).typeObject);
    attrs.set('Token', moduleType(vm, TokenType).typeObject);
    return m;
  },
}));
