import type { Vm } from '../runtime/vm';
import { moduleType } from './modtypes';
import { TpFlags, defineType, type TypeSlots } from './types';

/**
 * What a compiled regular expression's match() of `[ \t\n\r]*` allocates (Modules/_sre/sre.c,
 * 3.11; json.decoder's WHITESPACE.match, called twice by every json.loads): state_init's mark
 * array (PyMem_Malloc(2 × groups × 8) = PyMem_Malloc(0)), the data stack grown once for the first
 * match context (data_stack_grow: 56 + 56/4 + 1024 = 1094 bytes, PyMem_Realloc from NULL), the
 * Match object (PyObject_GC_NewVar: 16 + 104 bytes for no groups), then state_fini frees the
 * stack and the marks. The pattern is one REPEAT_ONE of a character set followed by SUCCESS,
 * which SRE(count) scans without pushing another context, so the sizes do not depend on the text.
 * Measured on 3.11.7: "m 0 r 1094 new m 120 f 1094 f 0", and "f 120" when the match dies.
 */
const MATCH_CONTEXT = 56;
const MATCH_BASIC = 104;

export const MatchType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Match',
    qualname: 'Match',
    module: 're',
    basicsize: MATCH_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => vm.gcDel(h),
    reprText: (vm, h) => `<re.Match object; span=(${vm.table.n[h]}, ${vm.table.num[h]})>`,
  });

/** WHITESPACE.match(text, pos) for code points `cps`: the Match object (new; n = pos, num = end). */
export function whitespaceMatch(vm: Vm, cps: ArrayLike<number>, pos: number): number {
  const marks = vm.mem.malloc(0);
  const stack = vm.mem.realloc(0, MATCH_CONTEXT + Math.floor(MATCH_CONTEXT / 4) + 1024);
  vm.mem.touch(stack, MATCH_CONTEXT);
  let end = pos;
  while (end < cps.length) {
    const c = cps[end];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    end++;
  }
  const type = moduleType(vm, MatchType);
  const h = vm.newGcObject(type.id, MATCH_BASIC);
  vm.table.n[h] = pos;
  vm.table.num[h] = end;
  vm.gc.track(h);
  vm.mem.free(stack);
  vm.mem.free(marks);
  return h;
}
