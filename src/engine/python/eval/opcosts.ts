import { O } from './ops';

/**
 * What the interpreter's own work costs on the simulated clock, per instruction (ns of CPU, scaled
 * to wall time by Clock.wallPerCpu when charged): _PyEval_EvalFrameDefault's dispatch and the
 * instruction's fast path, without the allocator calls, the frees and the reference counting it
 * leads to (runtime/cwork.ts charges those as they happen) and without page faults
 * (kernel/costs.ts). Charged by the loop as each instruction starts (Interpreter.opNs) and moved
 * onto the clock at the eval-breaker checks (threads.ts charge), so a thread's 5 ms switch
 * interval runs out after the instructions the real one gets through in 5 ms, not after a fixed
 * number of loop iterations.
 *
 * Until allocators-14 every eval-breaker tick (a backward jump, a function entry) cost 35 ns,
 * whatever the loop body: `for i in range(n): pass` in a function was charged 59 ns an iteration
 * against 9.1 real, `for k in keys: pass` 34 against 4.2 (tools/clock/opcost.ts, geometric mean of
 * 19 loop bodies 4.3 × real). Fitted here on CPython 3.11.7 (tools/clock/opcost.py: 19 loop bodies
 * of 300,000 iterations in a function, CPU time best of 7, load 11-19 on 2 cores; an iteration's
 * ns less the bodies it extends), the specialised forms 3.11 quickens the loops into:
 * - LOAD_FAST + STORE_FAST 0.85 (`x = i` over `pass`); a list's FOR_ITER + STORE_FAST +
 *   JUMP_BACKWARD 4.2 (cache misses on 300,000 items included);
 * - LOAD_GLOBAL 1.8 (`x = G`); LOAD_ATTR 1.1 / STORE_ATTR 2.0 of an instance's inline values;
 * - `x = len(l)` 7.5 over `pass`: PRECALL + CALL of a builtin ~4.8; `nothing()` 14.0: the frame's
 *   push (CALL, RESUME at its start) and pop (RETURN_VALUE) ~10;
 * - `x = i + 1` 7.6 over `x = i` with the new int's malloc and the old one's free, `x = i < y` 3.9;
 * - `d[k] = k` into a dict of 300,000 ints 11.4, `x = d[k]` 7.3, `x = l[5]` 2.2.
 * Instructions not measured take 1 ns (a stack shuffle's cost or a little more).
 */
export const OP_NS = new Float64Array(256).fill(1);

function set(ns: number, ...ops: number[]): void {
  for (const op of ops) OP_NS[op] = ns;
}

set(0.2, O.NOP, O.CACHE, O.EXTENDED_ARG);
set(0.4, O.LOAD_FAST, O.LOAD_CONST, O.POP_TOP, O.PUSH_NULL, O.COPY, O.SWAP, O.LOAD_CLOSURE, O.JUMP_FORWARD);
set(0.5, O.STORE_FAST, O.KW_NAMES);
set(0.6, O.POP_JUMP_FORWARD_IF_FALSE, O.POP_JUMP_FORWARD_IF_TRUE, O.POP_JUMP_BACKWARD_IF_FALSE);
set(0.6, O.POP_JUMP_BACKWARD_IF_TRUE, O.POP_JUMP_FORWARD_IF_NONE, O.POP_JUMP_FORWARD_IF_NOT_NONE);
set(0.6, O.POP_JUMP_BACKWARD_IF_NONE, O.POP_JUMP_BACKWARD_IF_NOT_NONE, O.JUMP_BACKWARD_NO_INTERRUPT);
set(0.8, O.LOAD_DEREF, O.STORE_DEREF, O.IS_OP);
// JUMP_BACKWARD: the eval breaker's check with it
set(1.2, O.JUMP_BACKWARD);
set(1.1, O.LOAD_ATTR, O.LOAD_NAME);
set(1.0, O.PRECALL);
set(1.5, O.LOAD_METHOD, O.LIST_APPEND, O.SET_ADD);
set(1.8, O.LOAD_GLOBAL);
set(2.0, O.STORE_ATTR, O.STORE_GLOBAL, O.STORE_NAME, O.UNPACK_SEQUENCE, O.GET_ITER);
set(2.5, O.COMPARE_OP, O.CONTAINS_OP, O.FOR_ITER, O.RETURN_VALUE, O.YIELD_VALUE, O.BUILD_LIST);
// BUILD_TUPLE: a tuple from its free list, GC-tracked, and its dealloc back to the list (no malloc
// call the model charges): `x = (i, i)` 15.9 ns over `pass`
set(10, O.BUILD_TUPLE);
set(3.0, O.BINARY_OP, O.CALL, O.MAP_ADD, O.BUILD_SLICE, O.FORMAT_VALUE, O.BUILD_STRING);
set(4.0, O.BINARY_SUBSCR, O.DELETE_SUBSCR, O.BUILD_MAP, O.BUILD_CONST_KEY_MAP, O.MAKE_FUNCTION);
set(6.0, O.STORE_SUBSCR, O.CALL_FUNCTION_EX, O.BEFORE_WITH, O.PUSH_EXC_INFO);
// RESUME: a frame's start (_PyFrame_Initialize, the recursion check), or a generator's resumption
set(5.0, O.RESUME);

/**
 * A unit of work in C code the eval breaker counts (Interpreter.tick: an item of list(range(n)),
 * of a dict's copy, of a join): its loop step, beside the allocations it makes. `list(range(10**7))`
 * takes 28.8 ns an item on 3.11.7 here, ~22 of them the page faults of the new ints and the array.
 */
export const C_ITEM_NS = 3;

/** The least a breaker tick can cost (a list's `for k in keys: pass`: 4.2 ns an iteration). */
export const MIN_TICK_NS = 4;
