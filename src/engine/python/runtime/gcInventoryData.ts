import cpython3117 from './gcInventory/cpython-3.11.7.json';
import cpython3121 from './gcInventory/cpython-3.12.1.json';
import cpython3130 from './gcInventory/cpython-3.13.0.json';
import debian3112 from './gcInventory/debian-3.11.2.json';
import type { TypeHistogram } from './gcInventory';

/**
 * tools/gc/record_inventory.py's recordings, by start-up profile: the tracked objects per type of
 * each generation at the recorder child's first statement, and each import's net change per type.
 */
interface InventoryRecording {
  python: string;
  startup: Record<string, number>[];
  imports: Record<string, Record<string, number>>;
}

const RECORDINGS: Record<string, InventoryRecording> = {
  'cpython-3.11.7': cpython3117 as InventoryRecording,
  'debian-3.11.2': debian3112 as InventoryRecording,
  'cpython-3.12.1': cpython3121 as InventoryRecording,
  'cpython-3.13.0': cpython3130 as InventoryRecording,
};

const histogram = (counts: Record<string, number> | undefined): TypeHistogram | undefined =>
  counts && Object.entries(counts);

/** The start-up's generation-2 population (the counted objects `settle` puts there), in list order. */
export function startupHistogram(profile: string): TypeHistogram | undefined {
  return histogram(RECORDINGS[profile]?.startup[2]);
}

/**
 * What `import name` alone adds, per type (biggest first), on an interpreter named as the import
 * footprints name it ('3.11.7', 'debian-3.11.2').
 */
export function importHistogram(version: string | null, name: string): TypeHistogram | undefined {
  if (version === null) return undefined;
  const profile = version.startsWith('debian-') ? version : `cpython-${version}`;
  return histogram(RECORDINGS[profile]?.imports[name]);
}
