/**
 * What a statement's C code costs on the simulated clock (kernel/clock.ts), beside the interpreter's
 * instructions (eval/opcosts.ts OP_NS) and the kernel's work (kernel/costs.ts). Without it a
 * statement that makes or frees 10^6 objects took a few ms of simulated time where the real one
 * takes 0.1–3 s, and the allocators' clocks (jemalloc's 10 s decay in 50 ms epochs, mimalloc's 25 ms
 * decommit delay) saw too little time pass inside it. Charged as the work happens (Mem's calls, the
 * collector's walks), so an allocator call in the middle of a long `del` reads the time spent so far.
 *
 * Calibrated on CPython 3.11.7 here against CPU time (tools/clock: calibrate.py and calibrate.ts,
 * the table in its README; best of 3, the machine shared; geometric mean of model/real 1.05 over 18
 * statements). Wall time is CPU time times Clock.wallPerCpu.
 * - MEM_CALL_NS / FREE_CALL_NS: a PyObject_/PyMem_ call and the object set-up around it; a free
 *   and the tp_dealloc before it (`[[] for _ in range(10**6)]` 216 ms, its `del` 23 ms).
 * - REF_OP_NS: one Py_DECREF (or one item's Py_INCREF in list_repeat, list_extend's copies):
 *   `del` of 10^6 lists of 100 shared zeros (10^8 decrefs) takes 104 ms.
 * - GC_OBJECT_NS / GC_EDGE_NS: gc_collect_main's walks (update_refs, subtract_refs,
 *   move_unreachable) per object in the generation and per reference its tp_traverse visits:
 *   `[[0] * 100 for _ in range(10**6)]` takes 4.4 s, nearly all of it in the full collections
 *   that walk every list's 100 items again as the generation grows by a quarter.
 */
export const MEM_CALL_NS = 10;
export const REF_OP_NS = 0.5;
export const GC_OBJECT_NS = 30;
export const GC_EDGE_NS = 4.5;
export const FREE_CALL_NS = 15;
/**
 * HOT_MEM_CALL_NS / HOT_FREE_CALL_NS: the same calls on a block used a few calls before (Mem's
 * RECENT_BLOCKS last allocations and frees), in cache: pymalloc_alloc pops the pool's freeblock
 * list, which a free just pushed, and the object it frees was just made. `for i in range(n): pass`
 * in a function (a range int made, the last one freed, each iteration) takes 9.1 ns an iteration
 * on 3.11.7 here, `x = i + 1` 7.6 more (a second pair): a pair ~4.5 ns besides the loop's
 * instructions (eval/opcosts.ts; tools/clock/opcost.py, best of 7). The cold figures above stay
 * for blocks the statement has not used lately (building or dropping a big list).
 */
export const HOT_MEM_CALL_NS = 2;
export const HOT_FREE_CALL_NS = 2.5;
/** How many recent allocations and frees count as hot (a power of two: Mem's rings). */
export const RECENT_BLOCKS = 4;
/**
 * JOIN_ITEM_NS: _PyUnicode_JoinArray's two passes per item (the size sum, the copy): `''.join` of
 * 5,000 short strs 21 µs of CPU, of 10^5 2-char strs 0.38 ms (3.11.7 here, process_time, best of 2);
 * the copying itself is 0.02 ns a byte, left out. Without it `timeit.Timer("''.join(parts)").autorange()`
 * saw ~0.1 µs a loop and asked for millions of them.
 */
export const JOIN_ITEM_NS = 4;
/**
 * SPLIT_PIECE_NS / SPLIT_CHAR_NS: stringlib's split loops beyond the allocation of each piece
 * (MEM_CALL_NS): SPLIT_ADD's STRINGLIB_NEW (the new str's header and copy into memory the loop has
 * not touched yet) and the scan of its characters. str.split() of 100,000 8-character words took
 * 20.7 ms of CPU (207 ns a piece), of 100,000 40-character words 36.8 ms, of 20,000 4.3 ms, of
 * 300,000 3-character words 72.6 ms, `s.split(',')` as the first (3.11.7 here, process_time, best of
 * 7, `x = x + i * 2` at 30 ns an iteration meanwhile); the model charged 65-96 ns a piece, so a
 * worker's split, a C call with no eval-breaker check, held the GIL a quarter of the real time.
 * Now 21.9, 31.5, 6.2 and 61 ms.
 */
export const SPLIT_PIECE_NS = 120;
export const SPLIT_CHAR_NS = 3;
/**
 * INT_TO_DECIMAL_NS / INT_TO_DECIMAL_CHAR_NS: long_to_decimal_string's conversion beyond its two
 * allocations (the scratch int, the str): `x = str(i)` in a function over range(300,000) took 47.2
 * ns an iteration on 3.11.7 here (tools/clock/opcost.py, best of 7), the model 23.0 without this
 * charge (its instructions and three hot malloc/free pairs): ~24 ns for a 5-6 digit int.
 */
export const INT_TO_DECIMAL_NS = 12;
export const INT_TO_DECIMAL_CHAR_NS = 2;
