import { normalize } from '../abstract/errors';
import { str } from '../abstract/repr';
import type { PyError } from '../errors';
import { E } from '../objects/exctypes';
import { intValue } from '../objects/int';
import { strValue } from '../objects/str';
import { excState } from '../objects/exceptions';
import { T } from '../objects/types';
import { isSubtype } from '../objects/typeobject';
import type { Vm } from '../runtime/vm';

/**
 * An uncaught SystemExit (sys.exit, argparse's error and --help) ends the process without a
 * traceback, as pythonrun.c's handle_system_exit does: its `code` is the exit status when it is None
 * (0) or an int; anything else is printed to stderr (str(code) and a newline) and the status is 1.
 * Returns null for any other exception.
 */
export function systemExit(vm: Vm, err: PyError): { status: number; text: string } | null {
  if (err.excType < 0 || !isSubtype(vm, err.excType, E.SystemExit)) return null;
  normalize(vm, err);
  // SystemExit_init's field (borrowed): None, the one argument, or the args tuple
  const code = excState(vm, err.value).fields.code || vm.s.None;
  const t = vm.table.type[code];
  if (t === T.None) return { status: 0, text: '' };
  if (t === T.Int || t === T.Bool) return { status: Number(intValue(vm, code)), text: '' };
  const s = str(vm, code);
  try {
    return { status: 1, text: strValue(vm, s) + '\n' };
  } finally {
    vm.decref(s);
  }
}
