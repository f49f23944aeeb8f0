import { REAL_MODULE_NAMES } from './moduleNamesData';

const cache = new Map<string, ReadonlySet<string> | null>();

/**
 * Whether the real module (dir() on the release, recorded by tools/modules/record_module_names.py)
 * has the name: a name it has that the simulator does not model is "not supported"; one it lacks
 * is the AttributeError the real module raises (`hasattr(random, 'binomialvariate')` is False on
 * 3.11). null when the module was not recorded for the release.
 */
export function realModuleHas(release: string, module: string, name: string): boolean | null {
  const key = `${release} ${module}`;
  let names = cache.get(key);
  if (names === undefined) {
    const text = REAL_MODULE_NAMES[release]?.[module];
    names = text === undefined ? null : new Set(text.split(' '));
    cache.set(key, names);
  }
  return names === null ? null : names.has(name);
}
