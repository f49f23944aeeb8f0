import type { VersionName } from '../../src/engine/python/versions';

/** Scenarios (recorded/<version>/) a version profile does not reproduce yet, with why (README in python/versions/). */
export const KNOWN_FIDELITY_GAPS: Record<VersionName, Map<string, string>> = {
  '3.11': new Map(),
  '3.12': new Map(),
  '3.13': new Map(),
};
