import { builtinStatic } from '../objects/descr';
import { moduleData, moduleStatic } from '../objects/module';
import { BytesIOType } from '../objects/bytesio';
import { moduleType } from '../objects/modtypes';
import { StringIOType } from '../objects/stringio';
import { Meth } from '../objects/types';
import { openBuiltin } from './procfile';
import { fromLong, fromSsize } from '../objects/int';
import { SEEK_WHENCE } from './osfile';
import type { ModuleSpec } from './registry';
import { typeError } from '../abstract/errors';
import { intern } from '../objects/str';

/**
 * io (Lib/io.py over _io): already imported when a script starts (the interpreter's own stdio
 * needs it), so `import io` allocates nothing. StringIO and BytesIO are modelled
 * (objects/stringio.ts, objects/bytesio.ts). io.open is builtins.open: /proc (procfile.ts) and
 * the simulated file system (fileobj.ts).
 */
export const ioModule: ModuleSpec = {
  name: 'io',
  load: (vm) => {
    const m = moduleStatic(vm, 'io');
    const attrs = moduleData(vm, m).attrs;
    attrs.set('StringIO', moduleType(vm, StringIOType).typeObject);
    attrs.set('BytesIO', moduleType(vm, BytesIOType).typeObject);
    attrs.set(
      'open',
      builtinStatic(
        vm,
        {
          name: 'open',
          flags: Meth.Fastcall | Meth.Keywords,
          impl: openBuiltin,
        },
        'io',
      ),
    );
    // 8192 (an int past the small ones, made at start-up: outside the simulated heap)
    const was = vm.mem.accounted;
    vm.mem.accounted = true;
    try {
      attrs.set('DEFAULT_BUFFER_SIZE', fromSsize(vm, 8192));
    } finally {
      vm.mem.accounted = was;
    }
    for (const [k, v] of SEEK_WHENCE) attrs.set(k, fromLong(vm, v));
    // _io.text_encoding(encoding, stacklevel=2): the encoding itself, or for None the static
    // "locale" (UTF-8 mode is off in the recorder's process); no EncodingWarning (its -X flag is off)
    attrs.set(
      'text_encoding',
      builtinStatic(
        vm,
        {
          name: 'text_encoding',
          flags: Meth.Fastcall,
          impl: (vm2, _s, a) => {
            if (a.length < 1 || a.length > 2)
              throw typeError(vm2, 'text_encoding expected 1 to 2 arguments, got %d', a.length);
            const enc = a[0] === vm2.s.None ? intern(vm2, 'locale') : a[0];
            vm2.incref(enc);
            return enc;
          },
        },
        'io',
      ),
    );
    return m;
  },
};
