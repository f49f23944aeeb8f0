import { raiseString } from '../python/abstract/errors';
import type { PyError } from '../python/errors';
import { E } from '../python/objects/exctypes';
import { readyStaticType } from '../python/objects/typeobject';
import { defineType, type TypeSlots } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';

/**
 * NumPy's own exception classes (numpy/core/_exceptions.py, 1.24.2) as real exception types,
 * so `except ValueError:` catches an AxisError and a traceback prints `numpy.AxisError: …`:
 *   AxisError(ValueError, IndexError), module numpy;
 *   UFuncTypeError(TypeError) → _UFuncNoLoopError, _UFuncCastingError →
 *     _UFuncInputCastingError, _UFuncOutputCastingError; module numpy.core._exceptions.
 */
export class NumpyErrors {
  readonly axisError: TypeSlots;
  readonly ufuncTypeError: TypeSlots;
  readonly noLoopError: TypeSlots;
  readonly castingError: TypeSlots;
  readonly outputCastingError: TypeSlots;
  /** numpy.linalg.LinAlgError(Exception) (linalg.py). */
  readonly linAlgError: TypeSlots;

  constructor(readonly vm: Vm) {
    this.axisError = this.make('AxisError', 'numpy', E.ValueError, [E.IndexError]);
    this.ufuncTypeError = this.make('UFuncTypeError', 'numpy.core._exceptions', E.TypeError);
    this.noLoopError = this.make('_UFuncNoLoopError', 'numpy.core._exceptions', this.ufuncTypeError.id);
    this.castingError = this.make('_UFuncCastingError', 'numpy.core._exceptions', this.ufuncTypeError.id);
    this.outputCastingError = this.make(
      '_UFuncOutputCastingError',
      'numpy.core._exceptions',
      this.castingError.id,
    );
    this.linAlgError = this.make('LinAlgError', 'numpy.linalg', E.Exception);
  }

  private make(name: string, module: string, base: number, more: number[] = []): TypeSlots {
    const vm = this.vm;
    const baseSlots = vm.types[base];
    const s = defineType({
      id: vm.newTypeId(),
      name,
      module,
      basicsize: baseSlots.basicsize,
      base,
      dealloc: baseSlots.dealloc,
      flags: baseSlots.flags,
      dictoffset: baseSlots.dictoffset,
    });
    readyStaticType(vm, s);
    if (more.length) {
      // a second base: its MRO entries that are not already there go before `object`'s root chain
      const extra = more.flatMap((b) => vm.types[b].mro).filter((id) => !s.mro.includes(id));
      const at = s.mro.indexOf(E.Exception);
      s.mro = [...s.mro.slice(0, at), ...new Set(extra), ...s.mro.slice(at)];
      s.bases = [base, ...more];
    }
    return s;
  }

  /** numpy.AxisError: "axis 2 is out of bounds for array of dimension 1". */
  axis(axis: number, ndim: number): PyError {
    return raiseString(
      this.vm,
      this.axisError.id,
      `axis ${axis} is out of bounds for array of dimension ${ndim}`,
    );
  }

  raise(type: TypeSlots, message: string): PyError {
    return raiseString(this.vm, type.id, message);
  }
}
