import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Python -> C -> Python recursion with the JS stack the page's worker has (issue 7). Chromium's
 * dedicated worker gives V8 about 480 KiB: a plain JS recursion goes 6,360 frames deep there and
 * 7,036 in node with --stack-size=500 (tools/stack/README.md), so node with 440 KiB is no roomier.
 * The paths the loop runs without re-entering itself (runtime/deferred.ts) must reach the depth
 * the real 3.11.7 reaches as `python3 script.py` (recorded/stack-paths-3.11.7.txt, printed by
 * tools/stack/print_paths.ts's script): never the simulator's own stack running out.
 */
const WORKER_STACK_KB = 440;
/**
 * Every path of tools/stack/paths.ts, real 3.11.7 (recorded) against node at 440 KiB (stack-17,
 * 2026-12-07; "stack-out": the simulator's own stack ran out before CPython's limit):
 *
 * | path               | real 3.11.7 | node 440 KiB                        |
 * | ------------------ | ----------- | ----------------------------------- |
 * | lru_cache          | 499         | 499                                 |
 * | instantiate        | 499         | 499                                 |
 * | dunder_call        | 499         | 499                                 |
 * | repr               | 333 (1)     | 333 (1)                             |
 * | sorted_key         | 496         | 496 (was 500 (1), stack-18)         |
 * | map / filter       | 999 / 999   | 999 / 999                           |
 * | for_map/for_filter | 999 / 999   | 999 / 999 (was 227 / 218 stack-out) |
 * | min_key / max_key  | 500 (1)     | 500 (1) (was 165 / 138 stack-out)   |
 * | reduce             | 499         | 499 (was 143 stack-out)             |
 * | str_nested         | 495         | 495 (was 164 stack-out)             |
 * | eq / hash          | 499 / 499   | 499 / 499                           |
 * | getitem            | 999         | 999                                 |
 * | getitem_iter       | 998         | 109 stack-out                       |
 * | json_default       | 199         | 79 stack-out                        |
 * | deepcopy           | 499         | 135 stack-out                       |
 * | dict_hash / set_eq | 997 / 499   | 143 / 114 stack-out                 |
 * | fstring_nested     | 333 (1)     | 333 (1) (was 126 stack-out)         |
 * | format_nested      | 990         | 990 (was 161 stack-out)             |
 * | print_repr         | 333 (1)     | 333 (1) (was 333 plain)             |
 * | print_print/_str   | 495 / 495   | 495 / 495 (was 113 / 118 stack-out) |
 * | repr_list          | 250 (1)     | 121 stack-out                       |
 * | pickle_getstate    | 332         | 327 stack-out (499 with a big stack) |
 * | starmap/accumulate | 999 (1)     | 140 / 164 stack-out                 |
 * | pickle_reduce      | 330         | not supported (`__reduce__`)        |
 * | deepcopy_reduce_ex | 333         | not supported (`__reduce_ex__`)     |
 *
 * (1) " while calling a Python object" (repr_list, fstring_nested: the same); the rest the frame
 * push's plain message. The loop's generic CALL of a C METH_FASTCALL function (sorted, print,
 * format) counts cfunction_vectorcall_FASTCALL*'s check; a quickened site's PRECALL_*_FAST* does
 * not: on 3.11 the first 7 levels of a recursion count it (co_warmup), hence sorted_key 496 and
 * print_print 495, and the module level's print(A()) makes print_repr stop at a C site.
 */
const DEFERRED_PATHS = [
  'lru_cache',
  'instantiate',
  'dunder_call',
  'repr',
  'hash',
  'eq',
  'map',
  'filter',
  'getitem',
  'for_map',
  'for_filter',
  'min_key',
  'max_key',
  'reduce',
  'str_nested',
  'sorted_key',
  'print_repr',
  'print_print',
  'print_str',
  'format_nested',
  'fstring_nested',
];

const real = new Map(
  readFileSync(join(__dirname, 'recorded', 'stack-paths-3.11.7.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)] as const),
);

describe(`C -> Python recursion in ${WORKER_STACK_KB} KiB of JS stack`, () => {
  const r = spawnSync(
    process.execPath,
    [
      `--stack-size=${WORKER_STACK_KB}`,
      resolve('scripts/run-ts.mjs'),
      resolve('tools/stack/depth.ts'),
      ...DEFERRED_PATHS,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  const sim = new Map(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => {
        const [name, levels, ...rest] = l.split(' ');
        return [name, { levels: Number(levels), ended: rest.join(' ') }] as const;
      }),
  );
  for (const name of DEFERRED_PATHS)
    it(`${name} reaches ${real.get(name)!.split(' ')[0]} levels with CPython's RecursionError`, () => {
      const got = sim.get(name);
      expect(got, r.stderr).toBeDefined();
      // the same level and the same message: the process runs as `python3 script.py` (thread.ts)
      expect(`${got!.levels} ${got!.ended}`).toBe(real.get(name));
    });
});
