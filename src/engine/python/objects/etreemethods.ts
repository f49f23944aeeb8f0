import { raiseString } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { asSsize } from '../abstract/number';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictEntries, dictSetItem } from './dict';
import { elementPathSelect } from './etreepath';
import {
  attribFromArgs,
  elementAppend,
  elementAttrib,
  elementChildren,
  elementClear,
  elementGet,
  elementGetField,
  elementNew,
  elementState,
  isElement,
  tagMatches,
} from './etreeelement';
import { E } from './exctypes';
import { gcNewIter, iterType } from './itertype';
import { listAppend, listNew, listPut } from './list';
import { moduleType } from './modtypes';
import { strNew, strValue } from './str';
import { itemsList } from './mutablemapping';
import { Meth, T, type MethodDef, type TypeSlots } from './types';

/**
 * Element's methods (_elementtree.c, 3.11). find/findall/findtext with a plain tag walk the
 * children in C; a path with '/', '*', '.', '[' or '@' goes to ElementPath, whose selectors
 * etreepath.ts follows (the compiled-path cache ElementPath keeps, a few hundred bytes per distinct
 * path, is not modelled). iter()/itertext() are the C element iterator: a 64-byte GC object and
 * its parent stack of 8 (element, child index) pairs, 128 bytes from PyObject_Malloc, doubled by
 * PyObject_Realloc when the tree is deeper.
 */

const none = (vm: Vm): number => (vm.incref(vm.s.None), vm.s.None);

/** Argument Clinic's "O!" check (`what`: "append() argument"), or element_extend's own wording. */
function checkElement(vm: Vm, h: number, what: string | null = null): void {
  if (isElement(vm, h)) return;
  const name = vm.typeOf(h).name;
  throw raiseString(
    vm,
    E.TypeError,
    what === null ? `expected an Element, not "${name}"` : `${what} must be xml.etree.ElementTree.Element, not ${name}`,
  );
}

interface ElementIterState {
  root: number;
  tag: number;
  gettext: boolean;
  /** parent_stack: (element, next child index) pairs; `block` its PyObject_Malloc'd array. */
  stack: { parent: number; index: number }[];
  size: number;
  block: number;
}

/** One step of elementiter_next: the next element (or text) in document order, 0 at the end. */
function elementIterNext(vm: Vm, _h: number, it: ElementIterState): number {
  for (;;) {
    if (it.stack.length === 0) {
      if (it.root === 0) return 0;
      const elem = it.root;
      it.root = 0;
      push(vm, it, elem);
      const r = yieldOf(vm, it, elem, 'text');
      if (r) return r;
      continue;
    }
    const top = it.stack[it.stack.length - 1];
    const kids = elementChildren(vm, top.parent);
    if (top.index < kids.length) {
      const child = kids[top.index++];
      vm.incref(child);
      push(vm, it, child);
      const r = yieldOf(vm, it, child, 'text');
      if (r) return r;
      continue;
    }
    it.stack.pop();
    const done = top.parent;
    const r = it.gettext && it.stack.length > 0 ? yieldOf(vm, it, done, 'tail') : 0;
    vm.decref(done);
    if (r) return r;
  }
}

function push(vm: Vm, it: ElementIterState, elem: number): void {
  if (it.stack.length >= it.size) {
    it.size *= 2;
    it.block = vm.mem.realloc(it.block, 16 * it.size);
  }
  it.stack.push({ parent: elem, index: 0 });
}

function yieldOf(vm: Vm, it: ElementIterState, elem: number, which: 'text' | 'tail'): number {
  const s = elementState(vm, elem);
  if (it.gettext) {
    const v = elementGetField(vm, elem, which);
    if (vm.table.type[v] === T.Str && vm.table.n[v] > 0) {
      vm.incref(v);
      return v;
    }
    return 0;
  }
  if (which === 'tail') return 0;
  if (it.tag === vm.s.None || tagMatches(vm, s.tag, it.tag)) {
    vm.incref(elem);
    return elem;
  }
  return 0;
}

export const ElementIterType = (_vm: Vm, id: number): TypeSlots =>
  iterType<ElementIterState>(id, {
    name: '_element_iterator',
    basicsize: 64,
    refs: ['root', 'tag'],
    final: true,
    next: elementIterNext,
    free: (vm, s) => {
      for (const f of s.stack.splice(0)) vm.decref(f.parent);
      if (s.block) vm.mem.free(s.block);
      s.block = 0;
    },
  });

/** create_elementiter: tag None or '*' seeks every element. */
function elementIter(vm: Vm, h: number, tag: number, gettext: boolean): number {
  const star = tag !== vm.s.None && vm.table.type[tag] === T.Str && vm.table.n[tag] === 1 && strText(vm, tag) === '*';
  const sought = star ? vm.s.None : tag;
  vm.incref(sought);
  vm.incref(h);
  const block = vm.mem.malloc(16 * 8);
  return gcNewIter(vm, moduleType(vm, ElementIterType), { root: h, tag: sought, gettext, stack: [], size: 8, block });
}

const strText = (vm: Vm, h: number): string => strValue(vm, h);

const kwOrArg = (args: readonly number[], kw: Map<string, number> | null, i: number, name: string): number =>
  args[i] ?? kw?.get(name) ?? 0;

function find(vm: Vm, h: number, path: number): number {
  const hits = elementPathSelect(vm, h, path, true);
  if (hits.length === 0) return none(vm);
  vm.incref(hits[0]);
  return hits[0];
}

function findall(vm: Vm, h: number, path: number): number {
  const out = listNew(vm, 0);
  for (const e of elementPathSelect(vm, h, path, false)) {
    vm.incref(e);
    listAppend(vm, out, e);
  }
  return out;
}

function findtext(vm: Vm, h: number, path: number, dflt: number): number {
  const hits = elementPathSelect(vm, h, path, true);
  if (hits.length === 0) {
    vm.incref(dflt);
    return dflt;
  }
  const text = elementGetField(vm, hits[0], 'text');
  if (text === vm.s.None) return strNew(vm, '');
  vm.incref(text);
  return text;
}

/** element_keys / element_items: PyDict_Keys / PyDict_Items of the attrib (lists), [] without one. */
function pairs(vm: Vm, h: number, which: 'keys' | 'items'): number {
  const s = elementState(vm, h);
  const d = s.extra?.attrib ?? 0;
  if (d === 0) return listNew(vm, 0);
  const entries = Array.from(dictEntries(vm, d));
  if (which === 'items') return itemsList(vm, entries);
  const l = listNew(vm, entries.length);
  entries.forEach(([k], i) => {
    vm.incref(k);
    listPut(vm, l, i, k);
  });
  return l;
}

export const ELEMENT_METHODS: Record<string, MethodDef> = Object.fromEntries(
  (
    [
      { name: 'append', flags: Meth.O, impl: (vm, h, a) => (checkElement(vm, a[0], 'append() argument'), elementAppend(vm, h, a[0]), none(vm)) },
      {
        name: 'extend',
        flags: Meth.O,
        impl: (vm, h, a) => {
          const it = getIter(vm, a[0]);
          try {
            for (let x = iterNext(vm, it); x !== 0; x = iterNext(vm, it)) {
              try {
                checkElement(vm, x);
                elementAppend(vm, h, x);
              } finally {
                vm.decref(x);
              }
            }
          } finally {
            vm.decref(it);
          }
          return none(vm);
        },
      },
      {
        name: 'insert',
        flags: Meth.Fastcall,
        impl: (vm, h, a) => {
          checkElement(vm, a[1], 'insert() argument 2');
          elementAppend(vm, h, a[1]);
          const kids = elementState(vm, h).extra!.children;
          let i = asSsize(vm, a[0], E.OverflowError);
          const n = kids.length - 1;
          if (i < 0) i = Math.max(0, i + n);
          if (i > n) i = n;
          kids.splice(i, 0, kids.pop()!);
          return none(vm);
        },
      },
      {
        name: 'remove',
        flags: Meth.O,
        impl: (vm, h, a) => {
          checkElement(vm, a[0], 'remove() argument');
          const x = elementState(vm, h).extra;
          const i = x === null ? -1 : x.children.findIndex((c) => c === a[0] || tagIdentity(vm, c, a[0]));
          if (i < 0) throw raiseString(vm, E.ValueError, 'list.remove(x): x not in list');
          const [gone] = x!.children.splice(i, 1);
          vm.decref(gone);
          return none(vm);
        },
      },
      { name: 'clear', flags: Meth.NoArgs, impl: (vm, h) => (elementClear(vm, h), none(vm)) },
      {
        name: 'get',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm, h, a, kw) => {
          const v = elementGet(vm, h, kwOrArg(a, kw, 0, 'key'));
          const r = v !== 0 ? v : kwOrArg(a, kw, 1, 'default') || vm.s.None;
          vm.incref(r);
          return r;
        },
      },
      {
        name: 'set',
        flags: Meth.Fastcall,
        impl: (vm, h, a) => (dictSetItem(vm, elementAttrib(vm, h), a[0], a[1]), none(vm)),
      },
      { name: 'keys', flags: Meth.NoArgs, impl: (vm, h) => pairs(vm, h, 'keys') },
      { name: 'items', flags: Meth.NoArgs, impl: (vm, h) => pairs(vm, h, 'items') },
      { name: 'find', flags: Meth.Fastcall | Meth.Keywords, impl: (vm, h, a, kw) => find(vm, h, kwOrArg(a, kw, 0, 'path')) },
      { name: 'findall', flags: Meth.Fastcall | Meth.Keywords, impl: (vm, h, a, kw) => findall(vm, h, kwOrArg(a, kw, 0, 'path')) },
      {
        name: 'findtext',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm, h, a, kw) => findtext(vm, h, kwOrArg(a, kw, 0, 'path'), kwOrArg(a, kw, 1, 'default') || vm.s.None),
      },
      {
        name: 'iterfind',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm, h, a, kw) => {
          const l = findall(vm, h, kwOrArg(a, kw, 0, 'path'));
          try {
            return getIter(vm, l);
          } finally {
            vm.decref(l);
          }
        },
      },
      {
        name: 'iter',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm, h, a, kw) => elementIter(vm, h, kwOrArg(a, kw, 0, 'tag') || vm.s.None, false),
      },
      { name: 'itertext', flags: Meth.NoArgs, impl: (vm, h) => elementIter(vm, h, vm.s.None, true) },
      {
        name: 'makeelement',
        flags: Meth.Fastcall,
        impl: (vm, _h, a) => {
          const attrib = attribFromArgs(vm, a[1] ?? 0, null);
          try {
            return elementNew(vm, a[0], attrib);
          } finally {
            if (attrib) vm.decref(attrib);
          }
        },
      },
      {
        name: '__copy__',
        flags: Meth.NoArgs,
        impl: (vm, h) => {
          const s = elementState(vm, h);
          const c = elementNew(vm, s.tag, s.extra?.attrib ?? 0);
          const cs = elementState(vm, c);
          vm.incref(s.text);
          vm.decref(cs.text);
          cs.text = s.text;
          vm.incref(s.tail);
          vm.decref(cs.tail);
          cs.tail = s.tail;
          for (const k of elementChildren(vm, h)) elementAppend(vm, c, k);
          return c;
        },
      },
      {
        name: '__deepcopy__',
        flags: Meth.O,
        impl: () => {
          throw new NotSupported('copy.deepcopy of an Element');
        },
      },
    ] as MethodDef[]
  ).map((d) => [d.name, d]),
);

/** list.remove's comparison (PyObject_RichCompareBool with identity first): elements compare by identity. */
const tagIdentity = (_vm: Vm, a: number, b: number): boolean => a === b;
