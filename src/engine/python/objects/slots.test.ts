import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import { E, EXCEPTION_ROWS, exc } from './exctypes';
import { T, TpFlags, defineType } from './types';
import { readyStaticType } from './typeobject';

const vm = () => {
  const p = new PythonProcess();
  p.load('pass\n');
  return p.vm;
};

describe('the type registry (one slot table per type)', () => {
  it('gives every built-in type a static type object whose side data is its table', () => {
    const v = vm();
    const ids = [
      T.Object,
      T.Type,
      T.Int,
      T.Bool,
      T.Float,
      T.Str,
      T.List,
      T.Tuple,
      T.Dict,
      T.Set,
      T.Range,
      T.Function,
      T.Builtin,
      T.Module,
    ];
    for (const id of ids) {
      const s = v.types[id];
      expect(s.id).toBe(id);
      expect(v.table.type[s.typeObject]).toBe(T.Type);
      expect(v.slotsOf(s.typeObject)).toBe(s);
      expect(v.isImmortal(s.typeObject)).toBe(true);
    }
  });

  it('builds each MRO along the bases and inherits the slots a type leaves empty', () => {
    const v = vm();
    expect(v.types[T.Bool].mro).toEqual([T.Bool, T.Int, T.Object]);
    expect(v.types[T.Bool].number!.binary[0]).toBe(v.types[T.Int].number!.binary[0]);
    expect(v.types[T.Bool].number!.binary[1]).not.toBe(v.types[T.Int].number!.binary[1]);
    expect(v.types[E.KeyError].mro.map((id) => v.types[id].name)).toEqual([
      'KeyError',
      'LookupError',
      'Exception',
      'BaseException',
      'object',
    ]);
    // hash goes with richcompare: list overrides richcompare and is unhashable
    expect(v.types[T.List].hash).not.toBe(v.types[T.Object].hash);
  });

  it('reads the GC flag from the tables (the collector’s isGcType)', () => {
    const v = vm();
    const gc = [
      T.List,
      T.Tuple,
      T.Dict,
      T.Set,
      T.FrozenSet,
      T.ListIter,
      T.TupleIter,
      T.Function,
      T.Generator,
      T.Slice,
      T.DictView,
      T.DictIter,
      T.SetIter,
      T.Builtin,
      T.Cell,
      T.Module,
      T.Type,
      T.StrIter,
      T.Enumerate,
      T.Zip,
      T.ListRevIter,
      E.KeyError,
    ];
    const plain = [
      T.Int,
      T.Bool,
      T.Float,
      T.Str,
      T.Bytes,
      T.ByteArray,
      T.Range,
      T.RangeIter,
      T.Object,
      T.None,
    ];
    for (const id of gc) expect(v.isGcType(id), v.types[id].name).toBe(true);
    for (const id of plain) expect(v.isGcType(id), v.types[id].name).toBe(false);
  });

  it('has all 3.11 exception types with their sizes', () => {
    const v = vm();
    expect(EXCEPTION_ROWS).toHaveLength(68);
    expect(v.types[E.OSError].basicsize).toBe(112);
    // ExceptionGroup: two bases, the MRO as C3 orders it (3.11.7: ExceptionGroup.__mro__)
    const eg = v.types[exc('ExceptionGroup')];
    expect(eg.basicsize).toBe(96);
    expect(eg.mro.map((id) => v.types[id].name)).toEqual([
      'ExceptionGroup',
      'BaseExceptionGroup',
      'Exception',
      'BaseException',
      'object',
    ]);
    expect(v.types[E.StopIteration].basicsize).toBe(80);
    expect(v.types[E.SyntaxError].basicsize).toBe(136);
    for (const r of EXCEPTION_ROWS)
      expect(v.types[E.BaseException + EXCEPTION_ROWS.indexOf(r)].name).toBe(r.name);
  });

  it('hands out type ids above 255 for types made at run time, 16 bits wide, and recycles them', () => {
    const v = vm();
    const a = v.newTypeId();
    expect(a).toBeGreaterThanOrEqual(T.FirstDynamic);
    const s = defineType({
      id: a,
      name: 'Made',
      module: '__main__',
      basicsize: 16,
      flags: TpFlags.HeapType,
      dealloc: (v2, h) => v2.objectFree(h),
    });
    readyStaticType(v, s);
    const h = v.newObject(a, 16);
    expect(v.table.type[h]).toBe(a);
    expect(v.typeOf(h)).toBe(s);
    v.decref(h);
    v.releaseTypeId(a);
    expect(v.newTypeId()).toBe(a);
  });
});
