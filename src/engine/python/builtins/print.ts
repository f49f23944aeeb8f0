import { getAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { argParserInit } from '../abstract/argparser';
import { typeError } from '../abstract/errors';
import { str } from '../abstract/repr';
import { tupleFromItems } from '../objects/tuple';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { DEFERRED, defersCall, deferrer, takeDefer } from '../runtime/deferred';

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
    impl: defersCall((vm, _self, args, kw) => printImpl(vm, stdout(), args, kw)),
  };
}

function printImpl(vm: Vm, stdoutObj: number, args: readonly number[], kw: Kwargs | null): number {
  const defer = takeDefer(vm);
  argParserInit(vm, 'print', ['sep', 'end', 'file', 'flush']);
  for (const a of args) vm.incref(a);
  const varargs = tupleFromItems(vm, args);
  let r = 0;
  try {
    r = printArgs(vm, stdoutObj, args, kw, defer);
  } finally {
    if (r !== DEFERRED) vm.decref(varargs);
  }
  if (r === DEFERRED)
    deferrer(vm)!.continueWith({
      done: (vm2, res) => {
        vm2.decref(varargs);
        return res;
      },
      fail: (vm2) => vm2.decref(varargs),
    });
  return r;
}

function printArgs(
  vm: Vm,
  stdoutObj: number,
  args: readonly number[],
  kw: Kwargs | null,
  defer: boolean,
): number {
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
  return new PrintWalk(args, sep, end, file, flush, defer).run(vm, 0);
}

/**
 * builtin_print's loop over its pieces (argument i at piece 2i, the separator before it at 2i - 1,
 * `end` last), then the flush. PyFile_WriteObject looks `write` up for every piece (any object
 * with a write method: a StringIO, a file, a class of one's own, as for sys.stdout). A Python
 * __str__/__repr__ of an argument runs in the calling loop when the loop's CALL allows it
 * (runtime/deferred.ts): the walk goes on from its result, so a __str__ that prints its children
 * (a tree printed recursively) costs no JS stack (real 3.11.7: 495 levels at the limit of 1000).
 */
class PrintWalk {
  constructor(
    private readonly args: readonly number[],
    private readonly sep: number,
    private readonly end: number,
    private readonly file: number,
    private readonly flush: boolean,
    private readonly defer: boolean,
  ) {}

  /** The pieces from `piece` on: None at the end, or DEFERRED (a __str__ runs in the loop). */
  run(vm: Vm, piece: number): number {
    // the last piece is `end`: after the last argument (2n - 2), or alone for print()
    const last = Math.max(0, 2 * this.args.length - 1);
    for (; piece <= last; piece++) {
      const v =
        piece === last
          ? this.end !== 0
            ? this.end
            : vm.s.char(10)
          : piece % 2 === 1
            ? this.sep !== 0
              ? this.sep
              : vm.s.char(32)
            : this.args[piece / 2];
      // PyFile_WriteObject(v, f, Py_PRINT_RAW)
      const writer = getAttr(vm, this.file, 'write');
      let value: number;
      try {
        if (this.defer) deferrer(vm)!.armDefer();
        value = str(vm, v);
      } catch (e) {
        vm.decref(writer);
        throw e;
      }
      if (value === DEFERRED) {
        const next = piece + 1;
        deferrer(vm)!.continueWith({
          done: (vm2, res) => {
            this.write(vm2, writer, res);
            return this.run(vm2, next);
          },
          fail: (vm2) => vm2.decref(writer),
        });
        return DEFERRED;
      }
      this.write(vm, writer, value);
    }
    if (this.flush) {
      const m = getAttr(vm, this.file, 'flush');
      try {
        vm.decref(call(vm, m, [], null));
      } finally {
        vm.decref(m);
      }
    }
    return vm.s.None;
  }

  /** PyFile_WriteObject's rest: `writer(value)`, then the value and the bound method released. */
  private write(vm: Vm, writer: number, value: number): void {
    try {
      vm.decref(call(vm, writer, [value], null));
    } finally {
      vm.decref(value);
      vm.decref(writer);
    }
  }
}
