import { GlibcMalloc } from '../glibc/malloc';
import { JemallocModel } from '../jemalloc/model';
import { parseMallocConf } from '../jemalloc/options';
import { Clock } from '../kernel/clock';
import type { Kernel } from '../kernel/kernel';
import { MimallocModel } from '../mimalloc/model';
import { parseMimallocEnv } from '../mimalloc/options';
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
export function createLibc(
  kernel: Kernel,
  env: LibcEnvironment = defaultLibcEnv(),
  clock: Clock = new Clock(),
): LibcModel {
  switch (env.allocator) {
    case 'glibc':
      return new GlibcMalloc(kernel, env.glibc, { cpus: env.cpus });
    case 'jemalloc': {
      const { options, warnings } = parseMallocConf(env.mallocConf ?? '', env.cpus);
      if (!options.retain) throw new EnvError('not supported by Highwater yet: MALLOC_CONF retain:false');
      return new JemallocModel(kernel, clock, options, warnings);
    }
    case 'mimalloc': {
      const { options, warnings, shown } = parseMimallocEnv(env.mimalloc);
      return new MimallocModel(kernel, clock, options, shown ? warnings : []);
    }
  }
}
