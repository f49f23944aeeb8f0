import { builtinStatic } from '../objects/descr';
import { moduleData, moduleStatic } from '../objects/module';
import { BytesIOType } from '../objects/bytesio';
import { moduleType } from '../objects/modtypes';
import { StringIOType } from '../objects/stringio';
import { Meth } from '../objects/types';
import { NotSupported } from '../errors';
import type { ModuleSpec } from './registry';

/**
 * io (Lib/io.py over _io): already imported when a script starts (the interpreter's own stdio
 * needs it), so `import io` allocates nothing. StringIO and BytesIO are modelled
 * (objects/stringio.ts, objects/bytesio.ts). open() is not: Highwater simulates no file system,
 * and a file's buffers (TextIOWrapper's decoder and pending chunks, BufferedReader's 8 KiB
 * buffer) would be invented rather than measured; it says "not supported".
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
          impl: () => {
            throw new NotSupported('open() (Highwater simulates no files: use io.StringIO or io.BytesIO)');
          },
        },
        'io',
      ),
    );
    return m;
  },
};
