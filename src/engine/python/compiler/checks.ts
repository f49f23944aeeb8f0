import type { Expr, ExprOf } from '../syntax/ast';
import type { Compiler } from './unit';

/** compile.c's SyntaxWarnings for code that cannot work ("perhaps you missed a comma?"). */
type PyType =
  | 'tuple'
  | 'list'
  | 'dict'
  | 'set'
  | 'generator'
  | 'function'
  | 'str'
  | 'int'
  | 'float'
  | 'complex'
  | 'bool'
  | 'NoneType'
  | 'ellipsis'
  | 'bytes'
  | 'frozenset'
  | null;

/** infer_type, for the "perhaps you missed a comma?" warnings. */
function inferType(e: Expr): PyType {
  switch (e.k) {
    case 'Tuple':
      return 'tuple';
    case 'List':
    case 'ListComp':
      return 'list';
    case 'Dict':
    case 'DictComp':
      return 'dict';
    case 'Set':
    case 'SetComp':
      return 'set';
    case 'GeneratorExp':
      return 'generator';
    case 'Lambda':
      return 'function';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'str';
    case 'Constant':
      return (
        {
          none: 'NoneType',
          ellipsis: 'ellipsis',
          int: 'int',
          float: 'float',
          complex: 'complex',
          bool: 'bool',
          str: 'str',
          bytes: 'bytes',
          tuple: 'tuple',
          frozenset: 'frozenset',
        } as const
      )[e.value.t];
    default:
      return null;
  }
}

/** check_caller: `"abc"(x)` warns. */
export function checkCaller(c: Compiler, e: Expr): void {
  if (
    [
      'Constant',
      'Tuple',
      'List',
      'ListComp',
      'Dict',
      'DictComp',
      'Set',
      'SetComp',
      'GeneratorExp',
      'JoinedStr',
      'FormattedValue',
    ].includes(e.k)
  ) {
    c.warn(`'${inferType(e)}' object is not callable; perhaps you missed a comma?`);
  }
}

/** check_subscripter / check_index: `[1, 2][3, 4]` warns. */
export function checkSubscript(c: Compiler, e: ExprOf<'Subscript'>): void {
  const v = e.value;
  const scalar = (x: Expr): boolean =>
    x.k === 'Constant' &&
    ['none', 'ellipsis', 'int', 'float', 'complex', 'bool', 'frozenset'].includes(x.value.t);
  if (scalar(v) || v.k === 'Set' || v.k === 'SetComp' || v.k === 'GeneratorExp' || v.k === 'Lambda') {
    c.warn(`'${inferType(v)}' object is not subscriptable; perhaps you missed a comma?`);
    return;
  }
  const index = inferType(e.slice);
  if (index === null || index === 'int' || index === 'bool' || e.slice.k === 'Slice') return;
  const seqConst = v.k === 'Constant' && ['str', 'bytes', 'tuple'].includes(v.value.t);
  if (seqConst || ['Tuple', 'List', 'ListComp', 'JoinedStr', 'FormattedValue'].includes(v.k)) {
    c.warn(`${inferType(v)} indices must be integers or slices, not ${index}; perhaps you missed a comma?`);
  }
}
