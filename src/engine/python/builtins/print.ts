import { getAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { argParserInit } from '../abstract/argparser';
import { typeError } from '../abstract/errors';
import { str } from '../abstract/repr';
import { tupleFromItems } from '../objects/tuple';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * builtin_print (3.11, Argument Clinic, METH_FASTCALL | METH_KEYWORDS): the parser's kwtuple
 * made at the first call of the process, then _PyArg_UnpackKeywordsWithVararg packs the
 * positional arguments into a tuple (released at the end: to the tuple free list). Each
 * argument and the separators go through PyFile_WriteObject, which looks up `file.write` (a bound method object,
 * made and freed each time), makes str(x) for a non-str, and calls it; " " and "\n" are the
 * cached one-character strs. `stdout` is sys.stdout (builtins/stdout.ts).
 */
export function printDef(stdout: () => number): MethodDef {
  return {
    name: 'print',
    flags: Meth.Fastcall | Meth.Keywords,
    impl: (vm, _self, args, kw) => printImpl(vm, stdout(), args, kw),
  };
}

function printImpl(vm: Vm, stdoutObj: number, args: readonly number[], kw: Kwargs | null): number {
  argParserInit(vm, 'print', ['sep', 'end', 'file', 'flush']);
  for (const a of args) vm.incref(a);
  const varargs = tupleFromItems(vm, args);
  try {
    return printArgs(vm, stdoutObj, args, kw);
  } finally {
    vm.decref(varargs);
  }
}

function printArgs(vm: Vm, stdoutObj: number, args: readonly number[], kw: Kwargs | null): number {
  let sep = 0;
  let end = 0;
  let file = stdoutObj;
  let flush = false;
  for (const [k, v] of kw ?? []) {
    if (k === 'sep') sep = v === vm.s.None ? 0 : v;
    else if (k === 'end') end = v === vm.s.None ? 0 : v;
    else if (k === 'file') file = v === vm.s.None ? stdoutObj : v;
    else if (k === 'flush') flush = vm.table.num[v] !== 0;
    else throw typeError(vm, "'%U' is an invalid keyword argument for print()", k);
  }
  if (sep !== 0 && vm.table.type[sep] !== T.Str)
    throw typeError(vm, 'sep must be None or a string, not %.200s', vm.typeOf(sep).name);
  if (end !== 0 && vm.table.type[end] !== T.Str)
    throw typeError(vm, 'end must be None or a string, not %.200s', vm.typeOf(end).name);
  // sys.stdout may be None (no stream connected): print writes nothing
  if (file === vm.s.None) return vm.s.None;
  // any object with a write method (a StringIO, a file, a class of one's own): PyFile_WriteObject
  // looks `write` up for every piece, as for sys.stdout
  for (let i = 0; i < args.length; i++) {
    if (i > 0) writeObject(vm, sep !== 0 ? sep : vm.s.char(32), file);
    writeObject(vm, args[i], file);
  }
  writeObject(vm, end !== 0 ? end : vm.s.char(10), file);
  if (flush) {
    const m = getAttr(vm, file, 'flush');
    try {
      vm.decref(call(vm, m, [], null));
    } finally {
      vm.decref(m);
    }
  }
  return vm.s.None;
}

/** PyFile_WriteObject(v, f, Py_PRINT_RAW). */
function writeObject(vm: Vm, v: number, f: number): void {
  const writer = getAttr(vm, f, 'write');
  let value: number;
  try {
    value = str(vm, v);
  } catch (e) {
    vm.decref(writer);
    throw e;
  }
  try {
    vm.decref(call(vm, writer, [value], null));
  } finally {
    vm.decref(value);
    vm.decref(writer);
  }
}
