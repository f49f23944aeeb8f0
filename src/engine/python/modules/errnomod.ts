import type { Vm } from '../runtime/vm';
import { ERRNO_CODES, ERRNO_NAMES } from './errnoData';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * errno (Modules/errnomodule.c): the E* constants and `errorcode` (code → name; where two names
 * share a code, EAGAIN/EWOULDBLOCK, the later add_errcode wins), measured on 3.11.7 (the same
 * 133 names on 3.12.1 and 3.13.0: tools/modules/errno_names.py). The module is in sys.modules
 * before the script's first line (os imports it at start-up), so importing it costs nothing.
 */
export const errnoModule: ModuleSpec = {
  name: 'errno',
  load: (vm: Vm) => {
    const lines = ERRNO_NAMES.map(([name, value]) => `${name} = ${value}`);
    const codes = ERRNO_CODES.map(([code, name]) => `${code}: ${JSON.stringify(name)}`).join(', ');
    const source = `${lines.join('\n')}\nerrorcode = {${codes}}\n`;
    return moduleFromGlobals(vm, 'errno', runPythonPart(vm, 'errno', source, {}));
  },
};
