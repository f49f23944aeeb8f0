import type { Vm } from '../runtime/vm';
import { partName, runPythonPart } from './pythonpart';

/**
 * heapq.merge(*iterables, key=None, reverse=False): a generator function in Lib/heapq.py, so
 * Python here, run by the eval loop. What it allocates, as 3.11's does: one 3-item list per
 * non-empty input ([value, order, bound __next__]; 4 items with a key: [key(value), order, value,
 * __next__]) in a heap list, heapified (the _max variants when reverse); each step yields the
 * smallest entry's value, stores the next value into that entry in place and re-sifts it
 * (heapreplace); an exhausted input's StopIteration pops its entry; the last input left is
 * drained with `yield from` over the iterator itself (the bound method's __self__). Written for
 * Highwater from that behaviour, never copied. Its cost at import is the heapq import's.
 */
const SOURCE = `
def merge(*iterables, key=None, reverse=False):
    h = []
    h_append = h.append
    if reverse:
        _heapify = _heapify_max
        _heappop = _heappop_max
        _heapreplace = _heapreplace_max
        direction = -1
    else:
        _heapify = heapify
        _heappop = heappop
        _heapreplace = heapreplace
        direction = 1

    if key is None:
        for order, it in enumerate(map(iter, iterables)):
            try:
                next = it.__next__
                h_append([next(), order * direction, next])
            except StopIteration:
                pass
        _heapify(h)
        while len(h) > 1:
            try:
                while True:
                    value, order, next = s = h[0]
                    yield value
                    s[0] = next()
                    _heapreplace(h, s)
            except StopIteration:
                _heappop(h)
        if h:
            value, order, next = h[0]
            yield value
            yield from next.__self__
        return

    for order, it in enumerate(map(iter, iterables)):
        try:
            next = it.__next__
            value = next()
            h_append([key(value), order * direction, value, next])
        except StopIteration:
            pass
    _heapify(h)
    while len(h) > 1:
        try:
            while True:
                key_value, order, value, next = s = h[0]
                yield value
                value = next()
                s[0] = key(value)
                s[2] = value
                _heapreplace(h, s)
        except StopIteration:
            _heappop(h)
    if h:
        key_value, order, value, next = h[0]
        yield value
        yield from next.__self__
`;

/** The merge function, run at heapq's import over the module's C functions (`imported`). */
export function makeHeapqMerge(vm: Vm, imported: Record<string, number>): number {
  const globals = runPythonPart(vm, 'heapq', SOURCE, imported);
  return partName(vm, globals, 'merge');
}
