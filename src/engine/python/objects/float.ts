import type { Vm } from '../runtime/vm';
import { FLOAT_MAXFREELIST } from '../runtime/freelists';
import { T } from './types';

/**
 * float objects (Objects/floatobject.c): 16-byte header + a double = 24 bytes, a 32-byte block.
 * PyFloat_FromDouble pops the free list (up to 100 dead floats) before calling PyObject_Malloc.
 */
export const FLOAT_SIZE = 24;

/** PyFloat_FromDouble. */
export function fromDouble(vm: Vm, v: number): number {
  const f = vm.free.floats;
  const h = f.length ? vm.reuse(f.pop()!, T.Float) : vm.newObject(T.Float, FLOAT_SIZE);
  vm.table.num[h] = v;
  return h;
}

/** float_dealloc → _PyFloat_ExactDealloc: to the free list unless it holds 100 already. */
export function floatDealloc(vm: Vm, h: number): void {
  const f = vm.free.floats;
  if (f.length >= FLOAT_MAXFREELIST) vm.objectFree(h);
  else {
    vm.park(h);
    f.push(h);
  }
}

/** repr(float) as Python prints it: shortest round-trip digits, exponent below 1e-4 and from 1e16. */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const a = Math.abs(v);
  if (a >= 1e16 || a < 1e-4) {
    const [mant, exp] = v.toExponential().split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = String(v);
  return s.includes('.') ? s : s + '.0';
}

/** Python's float floor division and modulo (float_floor_div, float_rem). */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else mod = b < 0 ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = a / b < 0 ? -0 : 0;
  return [floordiv, mod];
}
