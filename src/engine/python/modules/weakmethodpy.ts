import type { Vm } from '../runtime/vm';
import { partName, runPythonPart } from './pythonpart';

/**
 * weakref.WeakMethod: Python in the real library (a `ref` subclass with __slots__), so Python here,
 * run through the eval loop at import (pythonpart.ts) so that subscribing and calling allocate what
 * the real class does: the weak reference to the instance with a closure `_cb` as its callback, a
 * second weak reference to the function with the same callback, a third to the WeakMethod itself
 * (the cell the closure reads), and a new bound method at every call while both are alive. The
 * text is ours, written from weakref.py's documented behaviour and order of operations, not copied.
 */
const SOURCE = `
class WeakMethod(ref):
    """A weak reference to a bound method: the instance and the function are both held weakly,
    and calling the reference rebuilds the bound method while both are alive."""

    __slots__ = "_func_ref", "_meth_type", "_alive", "__weakref__"

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError(f"argument should be a bound method, not {type(meth)}") from None

        def _cb(arg):
            # whichever of the two referents dies first ends the method; the callback runs once
            self = self_wr()
            if self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__
`;

/** Runs WeakMethod's class statement at import (its cost is the import's: pythonpart.ts). */
export function makeWeakMethod(vm: Vm, ref: number): number {
  const globals = runPythonPart(vm, 'weakref', SOURCE, { ref });
  return partName(vm, globals, 'WeakMethod');
}
