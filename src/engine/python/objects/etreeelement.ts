import { richCompareBool } from '../abstract/compare';
import { raiseString } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { reprText } from '../abstract/repr';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictCopy, dictEntries, dictGetItem, dictNew, dictSetItem } from './dict';
import { dictMerge } from './dictmerge';
import { E } from './exctypes';
import { genericAlloc } from './object';
import { intern, strJoin, strNew, strValue } from './str';
import { listItems } from './deque';
import { tupleItems } from './tuple';
import { Cmp, T, type Kwargs, type TypeSlots } from './types';

/**
 * xml.etree.ElementTree.Element as _elementtree.c lays it out (3.11): a 56-byte GC object (tag,
 * text, tail, extra, weakreflist: 72 with the GC head, measured sys.getsizeof 72) whose children
 * and attrib live in a 64-byte ElementObjectExtra from PyObject_Malloc (attrib, length, allocated,
 * children, 4 inline child slots), made only when the element gets a child, attributes, or its
 * .attrib is read. Past 4 children element_resize mallocs (then reallocs) an array of
 * size + (size >> 3) + (size < 9 ? 3 : 6) pointers: measured per element with 1/4, 5, 9, 17
 * children 136, 200, 264, 336 bytes (72 + 64 + 64 / 128 / 200).
 */
export interface ElementState {
  tag: number;
  text: number;
  tail: number;
  /** ElementObjectExtra, or null before the element needs one. */
  extra: ElementExtra | null;
  /**
   * JOIN_GET: text or tail is still the TreeBuilder's list of data pieces (expat reports a text
   * in pieces: each newline and each entity reference apart), joined on first read.
   */
  textList: boolean;
  tailList: boolean;
}

export interface ElementExtra {
  /** PyObject_Malloc(64): the struct itself. */
  block: number;
  /** the attrib dict, 0 until made. */
  attrib: number;
  children: number[];
  allocated: number;
  /** the children array past the 4 inline slots (0 while they suffice). */
  array: number;
}

/** STATIC_CHILDREN: child slots inside ElementObjectExtra. */
const STATIC_CHILDREN = 4;
const EXTRA_SIZE = 64;

export const elementState = (vm: Vm, h: number): ElementState => vm.table.side[h] as ElementState;
const elementTypes = new WeakMap<Vm, TypeSlots>();
/** The Element type (etreetype.ts readies it when xml.etree.ElementTree loads and registers it here). */
export function elementType(vm: Vm): TypeSlots {
  const t = elementTypes.get(vm);
  if (t === undefined) throw new Error('internal: xml.etree.ElementTree is not loaded');
  return t;
}
export const registerElementType = (vm: Vm, t: TypeSlots): void => void elementTypes.set(vm, t);
export const isElement = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(elementType(vm).id);

/** create_extra: the struct, the attrib (a reference taken) or none. */
export function createExtra(vm: Vm, s: ElementState, attrib: number): ElementExtra {
  const block = vm.mem.malloc(EXTRA_SIZE);
  if (attrib) vm.incref(attrib);
  s.extra = { block, attrib, children: [], allocated: STATIC_CHILDREN, array: 0 };
  return s.extra;
}

/** dealloc_extra: the attrib, the children in order, the array, the struct. */
function deallocExtra(vm: Vm, s: ElementState): void {
  const x = s.extra;
  if (x === null) return;
  s.extra = null;
  if (x.attrib) vm.decref(x.attrib);
  for (const c of x.children) vm.decref(c);
  if (x.array) vm.mem.free(x.array);
  vm.mem.free(x.block);
}

/**
 * create_new_element(tag, attrib): the object (not tracked until filled), text and tail None, an
 * extra only for a non-empty attrib dict (the element keeps that dict itself, not a copy).
 */
export function elementNew(vm: Vm, tag: number, attrib: number, type: TypeSlots = elementType(vm)): number {
  const h = genericAlloc(vm, type, 0);
  vm.incref(tag);
  vm.incref(vm.s.None);
  vm.incref(vm.s.None);
  const s: ElementState = { tag, text: vm.s.None, tail: vm.s.None, extra: null, textList: false, tailList: false };
  vm.table.side[h] = s;
  if (attrib !== 0 && vm.table.n[attrib] > 0) createExtra(vm, s, attrib);
  return h;
}

/** element_resize(self, extra): room for `more` children (see the growth rule above). */
function elementResize(vm: Vm, s: ElementState, more: number): ElementExtra {
  const x = s.extra ?? createExtra(vm, s, 0);
  let size = x.children.length + more;
  if (size > x.allocated) {
    size = (size >> 3) + (size < 9 ? 3 : 6) + size;
    x.array = x.array ? vm.mem.realloc(x.array, 8 * size) : vm.mem.malloc(8 * size);
    x.allocated = size;
  }
  return x;
}

/** element_add_subelement: a reference taken. */
export function elementAppend(vm: Vm, parent: number, child: number): void {
  const x = elementResize(vm, elementState(vm, parent), 1);
  vm.incref(child);
  x.children.push(child);
}

export const elementChildren = (vm: Vm, h: number): readonly number[] => elementState(vm, h).extra?.children ?? [];

/** element_get_attrib: the extra and an empty dict made on first use. */
export function elementAttrib(vm: Vm, h: number): number {
  const s = elementState(vm, h);
  const x = s.extra ?? createExtra(vm, s, 0);
  if (x.attrib === 0) x.attrib = dictNew(vm);
  return x.attrib;
}

/** Set text or tail (a reference taken from the caller's `v`). */
export function elementSetField(vm: Vm, h: number, field: 'text' | 'tail', v: number, list = false): void {
  const s = elementState(vm, h);
  const old = s[field];
  s[field] = v;
  s[field === 'text' ? 'textList' : 'tailList'] = list;
  vm.decref(old);
}

/** element_get_text / element_get_tail: a pieces list is joined (PyUnicode_Join) and kept instead. Borrowed. */
export function elementGetField(vm: Vm, h: number, field: 'text' | 'tail'): number {
  const s = elementState(vm, h);
  const flag = field === 'text' ? 'textList' : 'tailList';
  if (s[flag]) {
    const list = s[field];
    const empty = strNew(vm, '');
    const joined = strJoin(vm, empty, listItems(vm, list));
    vm.decref(empty);
    elementSetField(vm, h, field, joined);
  }
  return s[field];
}

/** element_clear: extra released, text and tail back to None. */
export function elementClear(vm: Vm, h: number): void {
  const s = elementState(vm, h);
  deallocExtra(vm, s);
  vm.incref(vm.s.None);
  elementSetField(vm, h, 'text', vm.s.None);
  vm.incref(vm.s.None);
  elementSetField(vm, h, 'tail', vm.s.None);
}

/**
 * The attrib an Element(tag, attrib, **extra) or SubElement gets: a copy of the attrib given,
 * updated with the keywords (get_attrib_from_keywords: PyDict_New + PyDict_Update), or none.
 */
export function attribFromArgs(vm: Vm, attrib: number, kw: Kwargs | null): number {
  // get_attrib_from_keywords: an `attrib=` keyword is the dict copied (and dropped from the keywords)
  const named = kw?.get('attrib') ?? 0;
  if (attrib === 0 && named !== 0) {
    if (vm.table.type[named] !== T.Dict)
      throw raiseString(vm, E.TypeError, `attrib must be dict, not ${vm.typeOf(named).name}`);
    attrib = named;
  }
  if (attrib !== 0 && vm.table.type[attrib] !== T.Dict)
    throw raiseString(vm, E.TypeError, `attrib must be dict, not ${vm.typeOf(attrib).name}`);
  const kws = kw !== null && kw.size > (named !== 0 ? 1 : 0);
  if (attrib === 0 && !kws) return 0;
  const d = attrib !== 0 ? dictCopy(vm, attrib) : dictNew(vm);
  if (kws) for (const [k, v] of kw) if (k !== 'attrib') dictSetItem(vm, d, intern(vm, k), v);
  return d;
}

export function elementInitNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const a = tupleItems(vm, args);
  if (a.length < 1) throw raiseString(vm, E.TypeError, 'Element() takes at least 1 argument (0 given)');
  const attrib = a.length > 1 ? a[1] : 0;
  if (attrib !== 0 && vm.table.type[attrib] !== T.Dict)
    throw raiseString(vm, E.TypeError, `Element() argument 2 must be dict, not ${vm.typeOf(attrib).name}`);
  let made = 0;
  if (attrib !== 0) {
    made = dictCopy(vm, attrib);
    if (kwargs !== 0) dictMerge(vm, made, kwargs);
  } else if (kwargs !== 0 && vm.table.n[kwargs] > 0) {
    // get_attrib_from_keywords: an `attrib=` keyword copied, the other keywords added
    const kw: Kwargs = new Map();
    for (const [k, v] of dictEntries(vm, kwargs)) kw.set(strValue(vm, k), v);
    made = attribFromArgs(vm, 0, kw);
  }
  const h = elementNew(vm, a[0], 0, type);
  if (made !== 0) {
    // element_init: an empty attrib makes no extra
    if (vm.table.n[made] > 0) createExtra(vm, elementState(vm, h), made);
    vm.decref(made);
  }
  return h;
}

export function elementDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const s = vm.table.side[h] as ElementState | undefined;
  if (s !== undefined) {
    deallocExtra(vm, s);
    vm.decref(s.tag);
    vm.decref(s.text);
    vm.decref(s.tail);
  }
  vm.gcDel(h);
}

export function elementClearSlot(vm: Vm, h: number): void {
  const s = elementState(vm, h);
  deallocExtra(vm, s);
}

/** The child at i (negative from the end), as element_getitem's IndexError says. */
export function elementChild(vm: Vm, h: number, i: number): number {
  const kids = elementChildren(vm, h);
  if (i < 0) i += kids.length;
  if (i < 0 || i >= kids.length) throw raiseString(vm, E.IndexError, 'child index out of range');
  return kids[i];
}

export function elementSetItem(vm: Vm, h: number, i: number, value: number): void {
  const x = elementState(vm, h).extra;
  const n = x?.children.length ?? 0;
  if (i < 0) i += n;
  if (x === null || i < 0 || i >= n) throw raiseString(vm, E.IndexError, 'child index out of range');
  const old = x.children[i];
  if (value === 0) {
    x.children.splice(i, 1);
  } else {
    if (!isElement(vm, value)) throw raiseString(vm, E.TypeError, `expected an Element, not ${vm.typeOf(value).name}`);
    vm.incref(value);
    x.children[i] = value;
  }
  vm.decref(old);
}

export function elementSubscript(vm: Vm, h: number, key: number): number {
  if (vm.table.type[key] === T.Slice) throw new NotSupported('Element[slice]');
  const c = elementChild(vm, h, asSsize(vm, key, E.IndexError));
  vm.incref(c);
  return c;
}

/** tag equality as the C finders compare (PyObject_RichCompareBool). */
export const tagMatches = (vm: Vm, tag: number, want: number): boolean => tag === want || richCompareBool(vm, tag, want, Cmp.EQ);

export function elementText(vm: Vm, h: number, depth: number): string {
  const s = elementState(vm, h);
  return `<Element ${reprText(vm, s.tag, depth + 1)} at 0x${vm.table.addr[h].toString(16)}>`;
}

/** The attrib dict's value for a key, or 0 (borrowed). */
export function elementGet(vm: Vm, h: number, key: number): number {
  const x = elementState(vm, h).extra;
  if (x === null || x.attrib === 0) return 0;
  return dictGetItem(vm, x.attrib, key);
}

export function field(name: 'tag' | 'text' | 'tail') {
  return {
    name,
    get: (vm: Vm, h: number) => {
      const v = name === 'tag' ? elementState(vm, h).tag : elementGetField(vm, h, name);
      vm.incref(v);
      return v;
    },
    set: (vm: Vm, h: number, v: number) => {
      if (v === 0) throw raiseString(vm, E.TypeError, "can't delete element attribute");
      vm.incref(v);
      elementSetField(vm, h, name as 'text', v);
    },
  };
}

