import { typeError } from '../abstract/errors';
import { codeHandle, codeRt, type CodeRt } from '../eval/code';
import { dictGetItem, dictSetItem } from '../objects/dict';
import { unpackKeywords } from '../objects/getargs';
import { asSsize } from '../abstract/number';
import { E } from '../objects/exctypes';
import { byteString, bytesContent } from '../objects/bytes';
import { intern, strValue } from '../objects/str';
import { Meth, T, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { BuiltinsHost } from './host';

/**
 * exec(), eval() and compile() (bltinmodule.c builtin_exec_impl / builtin_eval_impl /
 * builtin_compile_impl): a source string is compiled by our compiler (the code object is static, as
 * the script's own: the compiler's transient C-heap work is not simulated) and run with the given
 * namespaces, by default the caller's globals and locals; a globals dict without `__builtins__`
 * gets the builtins module first, as PyEval_EvalCode's callers do.
 */
type Mode = 'exec' | 'eval' | 'single';

function sourceText(vm: Vm, fname: string, src: number): string {
  const t = vm.table.type[src];
  if (t === T.Str) return strValue(vm, src);
  if (t === T.Bytes) {
    const latin1 = byteString(bytesContent(vm, src)) ?? '';
    return new TextDecoder().decode(Uint8Array.from(latin1, (ch) => ch.charCodeAt(0)));
  }
  throw typeError(vm, '%s() arg 1 must be a string, bytes or code object', fname);
}

function codeOf(host: BuiltinsHost, fname: string, src: number, mode: Mode): CodeRt {
  const vm = host.vm;
  if (vm.table.type[src] === T.Code) return codeRt(vm, src);
  const text = sourceText(vm, fname, src);
  if (text.includes('\0')) throw typeError(vm, 'source code string cannot contain null bytes');
  return host.compileString(text, '<string>', mode);
}

/** The namespaces: the caller's when omitted; globals must be a dict, locals any mapping. */
function namespaces(host: BuiltinsHost, fname: string, g: number, l: number): [number, number] {
  const vm = host.vm;
  const none = vm.s.None;
  let globals = g === 0 || g === none ? 0 : g;
  let locals = l === 0 || l === none ? 0 : l;
  if (globals !== 0 && !vm.typeOf(globals).mro.includes(T.Dict))
    throw typeError(
      vm,
      fname === 'exec'
        ? 'exec() globals must be a dict, not %.100s'
        : 'globals must be a real dict; try eval(expr, {}, mapping)',
      vm.typeOf(globals).name,
    );
  if (locals !== 0 && !vm.typeOf(locals).mapping?.subscript) throw typeError(vm, 'locals must be a mapping');
  if (globals === 0) {
    globals = host.frameGlobals();
    if (locals === 0) locals = host.frameLocals();
  } else if (locals === 0) locals = globals;
  const key = intern(vm, '__builtins__');
  if (dictGetItem(vm, globals, key) === 0) dictSetItem(vm, globals, key, host.builtinsModule);
  return [globals, locals];
}

export function execDefs(host: BuiltinsHost): MethodDef[] {
  return [
    {
      name: 'exec',
      flags: Meth.Fastcall | Meth.Keywords,
      impl: (vm, _s, a, kw) => {
        const [src, g, l] = unpackKeywords(vm, 'exec', a, kw, ['', 'globals', 'locals'], 1, 3);
        const [globals, locals] = namespaces(host, 'exec', g, l);
        const code = codeOf(host, 'exec', src, 'exec');
        vm.decref(host.runCode(code, globals, locals));
        return vm.s.None;
      },
    },
    {
      name: 'eval',
      flags: Meth.Fastcall,
      impl: (vm, _s, a) => {
        if (a.length < 1 || a.length > 3)
          throw typeError(vm, 'eval expected at most 3 arguments, got %zd', a.length);
        const [globals, locals] = namespaces(host, 'eval', a[1] ?? 0, a[2] ?? 0);
        const code = codeOf(host, 'eval', a[0], 'eval');
        return host.runCode(code, globals, locals);
      },
    },
    {
      name: 'compile',
      flags: Meth.Fastcall | Meth.Keywords,
      impl: (vm, _s, a, kw) => {
        const [src, fn, modeObj, flags, , optimize] = unpackKeywords(
          vm,
          'compile',
          a,
          kw,
          ['source', 'filename', 'mode', 'flags', 'dont_inherit', 'optimize', '_feature_version'],
          3,
          6,
        );
        const mode = strValue(vm, modeObj);
        if (mode !== 'exec' && mode !== 'eval' && mode !== 'single')
          throw typeError(vm, "compile() mode must be 'exec', 'eval' or 'single'");
        if (
          (flags && asSsize(vm, flags, E.OverflowError) !== 0) ||
          (optimize && asSsize(vm, optimize, E.OverflowError) > 0)
        )
          throw host.unsupported('compile() flags and optimize');
        if (vm.table.type[src] === T.Code) {
          vm.incref(src);
          return src;
        }
        const text = sourceText(vm, 'compile', src);
        const filename = vm.table.type[fn] === T.Str ? strValue(vm, fn) : '<string>';
        return codeHandle(vm, host.compileString(text, filename, mode));
      },
    },
  ];
}
