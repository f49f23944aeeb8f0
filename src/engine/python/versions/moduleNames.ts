import { INSTALLED_MODULES, REAL_MODULE_FILES, REAL_MODULE_NAMES, STDLIB_MODULES } from './moduleNamesData';

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

/**
 * Whether `import name` finds a module on the release as installed on these machines: the
 * standard library (sys.stdlib_module_names) or a top-level name in its site-packages. A script
 * that imports anything else (psutil, pympler, objgraph: not installed here) gets the real
 * ModuleNotFoundError, so `try: import psutil / except ImportError:` takes the branch it takes in
 * reality. null when the release was not recorded.
 */
export function realModuleExists(release: string, name: string): boolean | null {
  const top = name.split('.')[0];
  const std = STDLIB_MODULES[release];
  const installed = INSTALLED_MODULES[release];
  if (std === undefined || installed === undefined) return null;
  return ` ${std} `.includes(` ${top} `) || ` ${installed} `.includes(` ${top} `);
}

/** The real module's dir() (sorted), or null when not recorded for the release. */
export function realModuleNames(release: string, module: string): string[] | null {
  const text = REAL_MODULE_NAMES[release]?.[module];
  return text === undefined ? null : text.split(' ');
}

/** The real module's `__file__` on the release (its .py or extension .so path), or null. */
export function realModuleFile(release: string, module: string): string | null {
  return REAL_MODULE_FILES[release]?.[module] ?? null;
}
