import { moduleFromGlobals, unsupportedHelper } from './typing';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { ZIPFILE_ARCHIVE_SOURCE } from './zipfileArchiveSource';
import { ZIPFILE_SOURCE } from './zipfileSource';
import { ZIPFILE_STREAMS_SOURCE } from './zipfileStreamsSource';

/**
 * zipfile as Python run by the VM (zipfileSource.ts: ZipInfo and the record helpers;
 * zipfileStreamsSource.ts: ZipExtFile, _ZipWriteFile; zipfileArchiveSource.ts: ZipFile). A start-up
 * module in 3.11.7 (site's importlib support loads it), so its import costs nothing there and the
 * body runs accounted; where a profile has no record of it its footprint is replayed first.
 */
export const zipfileModule: ModuleSpec = {
  name: 'zipfile',
  load: (vm) => {
    const globals = runPythonPart(vm, 'zipfile', ZIPFILE_SOURCE + ZIPFILE_STREAMS_SOURCE + ZIPFILE_ARCHIVE_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'zipfile'),
    });
    return moduleFromGlobals(vm, 'zipfile', globals);
  },
};
