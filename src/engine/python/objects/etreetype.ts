import { asSsize } from '../abstract/number';
import { raiseString } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import {
  createExtra,
  elementAttrib,
  elementChild,
  elementChildren,
  elementClearSlot,
  elementDealloc,
  elementInitNew,
  elementSetItem,
  elementState,
  elementSubscript,
  elementText,
  field,
  registerElementType,
} from './etreeelement';
import { ELEMENT_METHODS } from './etreemethods';
import { E } from './exctypes';
import { moduleType } from './modtypes';
import { T, TpFlags, defineType, type TypeSlots } from './types';

/** The Element type's table (_elementtree.c Element_Type); the object and its storage: etreeelement.ts. */
export function readyElementType(vm: Vm): TypeSlots {
  const t = moduleType(vm, ElementType);
  registerElementType(vm, t);
  return t;
}


export const ElementType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Element',
    module: 'xml.etree.ElementTree',
    basicsize: 56,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    new: elementInitNew,
    dealloc: elementDealloc,
    traverse: (vm, h, visit) => {
      const s = elementState(vm, h);
      visit(s.tag);
      visit(s.text);
      visit(s.tail);
      if (s.extra) {
        if (s.extra.attrib) visit(s.extra.attrib);
        for (const c of s.extra.children) visit(c);
      }
    },
    clear: elementClearSlot,
    reprText: elementText,
    sequence: {
      length: (vm, h) => elementChildren(vm, h).length,
      item: (vm, h, i) => {
        const c = elementChild(vm, h, i);
        vm.incref(c);
        return c;
      },
      assItem: elementSetItem,
    },
    mapping: {
      length: (vm, h) => elementChildren(vm, h).length,
      subscript: elementSubscript,
      assSubscript: (vm, h, key, value) => elementSetItem(vm, h, asSsize(vm, key, E.IndexError), value),
    },
    methods: ELEMENT_METHODS,
    getset: {
      tag: field('tag'),
      text: field('text'),
      tail: field('tail'),
      attrib: {
        name: 'attrib',
        get: (vm, h) => {
          const d = elementAttrib(vm, h);
          vm.incref(d);
          return d;
        },
        set: (vm, h, v) => {
          if (v === 0 || vm.table.type[v] !== T.Dict) throw raiseString(vm, E.TypeError, 'attrib must be dict');
          const s = elementState(vm, h);
          const x = s.extra ?? createExtra(vm, s, 0);
          vm.incref(v);
          const old = x.attrib;
          x.attrib = v;
          if (old) vm.decref(old);
        },
      },
    },
  });
