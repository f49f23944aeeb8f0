import type { VersionName } from './version';

/** Statements (of testdata/<release>/) whose calls the version's profile does not reproduce yet, with why. */
export const KNOWN_DIFFERENCES: Record<VersionName, Map<string, string>> = {
  '3.11': new Map(),
  '3.12': new Map(),
  '3.13': new Map(),
};
