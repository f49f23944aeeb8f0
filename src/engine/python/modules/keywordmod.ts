import type { Vm } from '../runtime/vm';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * keyword (Lib/keyword.py, generated from the grammar): kwlist, softkwlist, iskeyword and
 * issoftkeyword as frozenset.__contains__ bound methods. Loaded at start-up in 3.11.7, 3.12.1 and
 * 3.13.0 (site's imports), so importing it costs nothing; 3.12 added the soft keyword `type`.
 */
const kwlist = [
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
];

export const keywordModule: ModuleSpec = {
  name: 'keyword',
  load: (vm: Vm) => {
    const soft = vm.py.name === '3.11' ? ['_', 'case', 'match'] : ['_', 'case', 'match', 'type'];
    const source = `
__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]
kwlist = ${JSON.stringify(kwlist)}
softkwlist = ${JSON.stringify(soft)}
iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
`;
    return moduleFromGlobals(vm, 'keyword', runPythonPart(vm, 'keyword', source, {}));
  },
};
