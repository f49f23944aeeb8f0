import type { ModuleSpec } from './registry';
import { sourceModule } from './threading';
import { URLLIB_PARSE_SOURCE } from './urllibParseSource';
import { URLLIB_QUOTE_SOURCE } from './urllibQuoteSource';

/**
 * urllib (an empty package here, as the real __init__.py is) and urllib.parse as Python run by the VM
 * (urllibParseSource.ts). Both are in 3.11.7's sys.modules at start-up (site → importlib.resources →
 * zipfile/pathlib pull urllib.parse in), so their import is free there and the body runs accounted;
 * where a profile has no record of them the body's objects are the import's cost.
 */
export const urllibModules: ModuleSpec[] = [
  sourceModule('urllib', ''),
  sourceModule('urllib.parse', URLLIB_PARSE_SOURCE + URLLIB_QUOTE_SOURCE, ['urllib']),
];
