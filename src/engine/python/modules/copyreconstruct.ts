import { getIter, iterNext } from '../abstract/iter';
import { sequenceTuple } from '../abstract/sequence';
import { FRAME_SPECIALS_SIZE } from '../compiler/code';
import { cellNew, functionNew } from '../objects/func';
import { withPythonFrame } from '../objects/recursion';
import { tupleFromItems } from '../objects/tuple';
import type { Vm } from '../runtime/vm';
import { generatorNew, PyGenFrame } from './pygen';

/**
 * copy._reconstruct's arguments when it copies deeply (3.11's copy.py, line 264):
 *
 *     args = (deepcopy(arg, memo) for arg in args)
 *     y = func(*args)
 *
 * `memo` and `deepcopy` are cells (MAKE_CELL at the frame's entry: the generator expression closes
 * over them), the closure a 2-tuple, the <genexpr> a function object, `args` a tuple iterator, the
 * generator holds all of them until it is exhausted. CALL_FUNCTION_EX turns the generator into the
 * call's tuple with PySequence_Tuple: no length hint, so a 10-tuple is made and cut back by
 * _PyTuple_Resize, a realloc that does not take its block from the tuple free list, and the tuple
 * goes to the free list when the call is done. Each deep reconstruction (a set, an instance
 * without __deepcopy__) thus leaves one more tuple of its arity on the free list: 5,000
 * deepcopy()s of a dict holding a set fill the 2,000 1-tuples of CPython's free list (measured on
 * 3.11.7: `copy._reconstruct(s, {}, set, (["a"],))` 50 times puts 50 more 1-tuples on it, a
 * deepcopy of a list or dict none), 96,000 bytes of 48-byte blocks that stay after the copies go.
 */

/** <genexpr>'s code: .0 and arg, the free deepcopy and memo; stacksize 5 (3.11.7). */
const GENEXPR_FRAMESIZE = 4 + 5 + FRAME_SPECIALS_SIZE;

/**
 * `func(*(deepcopy(arg, memo) for arg in args))`: `call` gets the tuple of copied arguments
 * (borrowed; released after it returns). `copyArg` is deepcopy(arg, memo). Returns call's result.
 * The generator and the cells live until _reconstruct's frame ends: `rest` runs before they go.
 */
export function reconstructDeep(
  vm: Vm,
  args: number,
  memo: number,
  copyArg: (arg: number) => number,
  call: (star: number) => number,
  rest: (y: number) => void,
): number {
  // MAKE_CELL memo, MAKE_CELL deepcopy (the module function deepcopy: modelled, None stands in)
  const memoCell = cellNew(vm, memo);
  const deepcopyCell = cellNew(vm, vm.s.None);
  let gen = 0;
  try {
    // LOAD_CLOSURE deepcopy, LOAD_CLOSURE memo, BUILD_TUPLE 2, MAKE_FUNCTION 8 (closure)
    vm.incref(deepcopyCell);
    vm.incref(memoCell);
    const closure = tupleFromItems(vm, [deepcopyCell, memoCell]);
    const fn = functionNew(vm, null, '<genexpr>', 0, closure, '_reconstruct.<locals>.<genexpr>');
    try {
      // GET_ITER args, CALL 0: the generator's frame takes the iterator (.0), the function, the cells
      const it = getIter(vm, args);
      const frame = new PyGenFrame(vm, '<genexpr>', fn, 2, [deepcopyCell, memoCell]);
      frame.locals[0] = it;
      gen = generatorNew(vm, GENEXPR_FRAMESIZE, frame);
      frame.body = (function* () {
        for (let a = iterNext(vm, frame.locals[0]); a !== 0; a = iterNext(vm, frame.locals[0])) {
          frame.set(1, a);
          // the <genexpr> frame runs the copy (a frame on the recursion count)
          yield withPythonFrame(vm, () => copyArg(a));
        }
      })();
    } finally {
      vm.decref(fn);
    }
    // CALL_FUNCTION_EX: PySequence_Tuple(generator), the call, the tuple released
    const star = sequenceTuple(vm, gen);
    let y: number;
    try {
      y = call(star);
    } finally {
      vm.decref(star);
    }
    try {
      rest(y);
    } catch (e) {
      vm.decref(y);
      throw e;
    }
    return y;
  } finally {
    // _PyFrame_Clear in local order: memo's cell (1), args (3: the generator), deepcopy's cell (7)
    vm.decref(memoCell);
    if (gen) vm.decref(gen);
    vm.decref(deepcopyCell);
  }
}
