import { CPYTHON_3_11 } from './cpython-3.11';
import { CPYTHON_3_12 } from './cpython-3.12';
import { CPYTHON_3_13 } from './cpython-3.13';
import type { CPythonVersion, VersionName } from './version';

export type { CPythonVersion, VersionName } from './version';

/** The versions a process can run as, oldest first. */
export const VERSIONS: Record<VersionName, CPythonVersion> = {
  '3.11': CPYTHON_3_11,
  '3.12': CPYTHON_3_12,
  '3.13': CPYTHON_3_13,
};

export const VERSION_NAMES = Object.keys(VERSIONS) as VersionName[];

/** The default until a newer profile is as exact as 3.11 (README.md says where each stands). */
export const DEFAULT_VERSION: VersionName = '3.11';

export function isVersionName(s: string): s is VersionName {
  return Object.prototype.hasOwnProperty.call(VERSIONS, s);
}

export function cpythonVersion(name: VersionName = DEFAULT_VERSION): CPythonVersion {
  const v = VERSIONS[name];
  if (!v) throw new Error(`unknown CPython version ${name} (known: ${VERSION_NAMES.join(', ')})`);
  return v;
}
