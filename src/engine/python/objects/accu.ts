import type { Vm } from '../runtime/vm';
import { listAppend, listClear, listNew, listSliceItems } from './list';
import { strJoin } from './str';

/**
 * _PyAccu (Objects/accu.c, 3.11; the JSON encoder's and io.StringIO's accumulator, gone in
 * 3.12): strings are
 * appended to a `small` list; at 100,000 of them the list is joined into one str, which goes to
 * the `large` list (made on the first flush), and `small` is emptied with PyList_SetSlice(small,
 * 0, n, NULL) (list_ass_slice → _list_clear: its item array freed). The comment in accu.c gives
 * the reason: 100,000 small strs waste 6 MB against one joined string.
 */
export const ACCU_FLUSH = 100_000;

export interface Accu {
  small: number;
  large: number;
}

/** _PyAccu_Init: `small` is PyList_New(0); `large` is made lazily. */
export function accuInit(vm: Vm): Accu {
  return { small: listNew(vm, 0), large: 0 };
}

/** flush_accumulator: join `small` into one str appended to `large`. */
function flush(vm: Vm, acc: Accu): void {
  const n = vm.table.n[acc.small];
  if (n === 0) return;
  if (acc.large === 0) acc.large = listNew(vm, 0);
  // join_list_unicode: PyUnicode_Join with "" (the empty singleton) over the list's items
  const items = listSliceItems(vm, acc.small, 0, n);
  const joined = strJoin(vm, vm.s.emptyStr, items);
  listClear(vm, acc.small);
  listAppend(vm, acc.large, joined);
}

/** _PyAccu_Accumulate (borrows `s`). */
export function accuAdd(vm: Vm, acc: Accu, s: number): void {
  vm.incref(s);
  listAppend(vm, acc.small, s);
  if (vm.table.n[acc.small] >= ACCU_FLUSH) flush(vm, acc);
}

/** _steal_accumulate: append a new reference and drop it. */
export function accuSteal(vm: Vm, acc: Accu, s: number): void {
  try {
    accuAdd(vm, acc, s);
  } finally {
    vm.decref(s);
  }
}

/** _PyAccu_FinishAsList: a last flush, `small` released, `large` returned (new reference). */
export function accuFinishAsList(vm: Vm, acc: Accu): number {
  try {
    flush(vm, acc);
  } catch (e) {
    accuDestroy(vm, acc);
    throw e;
  }
  vm.decref(acc.small);
  acc.small = 0;
  const res = acc.large;
  acc.large = 0;
  return res;
}

/**
 * _PyAccu_Finish: the one str of everything accumulated (new reference): `small` joined when
 * nothing was flushed (one item: that str itself), else the flushed chunks joined.
 */
export function accuFinish(vm: Vm, acc: Accu): number {
  let list: number;
  if (acc.large === 0) {
    list = acc.small;
    acc.small = 0;
  } else list = accuFinishAsList(vm, acc);
  try {
    const n = vm.table.n[list];
    const items = listSliceItems(vm, list, 0, n);
    return strJoin(vm, vm.s.emptyStr, items);
  } finally {
    vm.decref(list);
  }
}

/** _PyAccu_Destroy. */
export function accuDestroy(vm: Vm, acc: Accu): void {
  if (acc.small) vm.decref(acc.small);
  if (acc.large) vm.decref(acc.large);
  acc.small = acc.large = 0;
}
