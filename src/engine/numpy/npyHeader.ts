import { valueError } from '../python/abstract/errors';
import { dictNew, dictSetItem } from '../python/objects/dict';
import { fromLong } from '../python/objects/int';
import { listFromItems } from '../python/objects/list';
import { strNew } from '../python/objects/str';
import { tupleFromItems } from '../python/objects/tuple';
import type { Vm } from '../python/runtime/vm';

/**
 * format.py's safe_eval of a .npy header (ast.literal_eval): the dict literal NumPy writes —
 * `{'descr': '<f8', 'fortran_order': False, 'shape': (1000, 2000), }` and a structured dtype's
 * descr list of tuples — parsed into the objects literal_eval returns (a dict, strs, bools, ints,
 * tuples, lists). literal_eval's transient AST (a few KB of small objects, all freed before it
 * returns) is not replayed. Text that is not such a literal is format.py's "Cannot parse header".
 */
export function headerLiteral(vm: Vm, text: string): number {
  let i = 0;
  const fail = (): never => {
    throw valueError(vm, `Cannot parse header: ${pyRepr(text)}`);
  };
  const skip = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const made: number[] = [];
  const own = (h: number): number => (made.push(h), h);
  const items = (close: string): number[] => {
    const out: number[] = [];
    for (;;) {
      skip();
      if (text[i] === close) return (i++, out);
      out.push(value());
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== close) fail();
    }
  };
  const value = (): number => {
    skip();
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) fail();
      const s = text.slice(i + 1, end);
      i = end + 1;
      return strNew(vm, s);
    }
    if (c === '(') {
      i++;
      const xs = items(')');
      return tupleFromItems(vm, xs);
    }
    if (c === '[') {
      i++;
      return listFromItems(vm, items(']'));
    }
    const m = /^(True|False|-?\d+)/.exec(text.slice(i, i + 32));
    if (!m) return fail();
    i += m[0].length;
    if (m[0] === 'True' || m[0] === 'False') {
      const b = vm.s.bool(m[0] === 'True');
      vm.incref(b);
      return b;
    }
    return fromLong(vm, Number(m[0]));
  };
  skip();
  if (text[i] !== '{') fail();
  i++;
  const d = own(dictNew(vm));
  try {
    for (;;) {
      skip();
      if (text[i] === '}') break;
      const k = own(value());
      skip();
      if (text[i] !== ':') fail();
      i++;
      const v = own(value());
      dictSetItem(vm, d, k, v);
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail();
    }
    i++;
    skip();
    if (i !== text.length) fail();
  } catch (e) {
    for (const h of made) vm.decref(h);
    throw e;
  }
  for (const h of made.slice(1)) vm.decref(h);
  return d;
}

/** repr() of a str as Python writes it for these headers (single quotes, \n escaped). */
function pyRepr(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
