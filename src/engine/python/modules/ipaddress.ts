import { IPADDRESS_NET_SOURCE } from './ipaddressNetSource';
import { IPADDRESS_BASE_SOURCE } from './ipaddressSource';
import { IPADDRESS_V4_SOURCE } from './ipaddressV4Source';
import { IPADDRESS_V6_CLASSES } from './ipaddressV6Classes';
import { IPADDRESS_V6_SOURCE } from './ipaddressV6Source';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * ipaddress: Python in the real library, Python here (the four source parts run as one body). The
 * recorder's 3.11.7 has it in sys.modules at start-up (site's .pth files), so the import is free and
 * the body runs accounted; what a script's addresses, networks, generators and lru_cache entries
 * take is then allocated by the VM as the real methods allocate it. The module's globals are its
 * dict (`__format__` sets `_address_fmt_re` through `global`).
 */
export const ipaddressModule: ModuleSpec = {
  name: 'ipaddress',
  load: (vm) =>
    moduleFromGlobals(
      vm,
      'ipaddress',
      runPythonPart(
        vm,
        'ipaddress',
        IPADDRESS_BASE_SOURCE + IPADDRESS_NET_SOURCE + IPADDRESS_V4_SOURCE + IPADDRESS_V6_SOURCE + IPADDRESS_V6_CLASSES,
        {},
      ),
      true,
    ),
};
