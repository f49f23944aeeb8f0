import { typeError } from '../abstract/errors';
import { dictGetItem, dictSetItem } from '../objects/dict';
import { dictData } from '../objects/dictkeys';
import { dictUpdateArg } from '../objects/dictmethods';
import { T } from '../objects/types';
import type { Interpreter } from './interpreter';
import { keyAt, valueAt } from '../objects/dictindex';

/**
 * _PyDict_MergeEx(dict, update, 2) for `f(**m)` (DICT_MERGE, CALL_FUNCTION_EX), with
 * format_kwargs_error's messages: a key already given is "got multiple values for keyword
 * argument", a non-str key "keywords must be strings", a non-mapping "must be a mapping".
 */
export function dictMergeInto(it: Interpreter, dict: number, update: number, func: number): void {
  const vm = it.vm;
  if (vm.table.type[update] === T.Dict) {
    const d = dictData(vm, update);
    for (let k = 0; k < d.nentries; k++) {
      const key = keyAt(d, k);
      if (key === 0) continue;
      if (vm.table.type[key] !== T.Str)
        throw typeError(vm, '%U keywords must be strings', it.functionStr(func));
      if (dictGetItem(vm, dict, key) !== 0)
        throw typeError(vm, "%U got multiple values for keyword argument '%S'", it.functionStr(func), key);
      dictSetItem(vm, dict, key, valueAt(d, k));
    }
    return;
  }
  if (!vm.typeOf(update).mapping?.subscript)
    throw typeError(
      vm,
      '%U argument after ** must be a mapping, not %.200s',
      it.functionStr(func),
      vm.typeOf(update).name,
    );
  dictUpdateArg(vm, dict, update);
}
