import { GlibcMalloc } from '../glibc/malloc';
import type { Kernel } from '../kernel/kernel';
import { DEFAULT_CPUS, EnvError, type LibcEnvironment } from './env';
import type { LibcModel } from './libc';

/** The environment of a process started with no allocator variables: glibc, defaults, 2 CPUs. */
export const defaultLibcEnv = (): LibcEnvironment => ({
  allocator: 'glibc',
  glibc: {},
  cpus: DEFAULT_CPUS,
  mallocConf: null,
  mimalloc: {},
  pythonMalloc: null,
  vars: {},
});

/**
 * The C library a process gets in `env`, over `kernel`: the only place outside an implementation
 * that names one (eslint enforces it). An implementation added to the engine adds its case here.
 */
export function createLibc(kernel: Kernel, env: LibcEnvironment = defaultLibcEnv()): LibcModel {
  switch (env.allocator) {
    case 'glibc':
      return new GlibcMalloc(kernel, env.glibc, { cpus: env.cpus });
    case 'jemalloc':
      throw new EnvError(
        'not supported by Highwater yet: LD_PRELOAD=libjemalloc.so.2 (the jemalloc 5.3 model)',
      );
    case 'mimalloc':
      throw new EnvError(
        'not supported by Highwater yet: LD_PRELOAD=libmimalloc.so.2 (the mimalloc 2.0 model)',
      );
  }
}
