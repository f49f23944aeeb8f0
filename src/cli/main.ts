import { runMallocTrace } from '../engine/libc/traceReport';
import { USAGE, UsageError, parseArgs } from './args';
import { runPythonCli } from './python';
import { readInput, scriptInput } from './source';

/**
 * The command line: every failure is one readable line on stderr and a non-zero exit, never a
 * stack trace. Exit status: 0 the run ended cleanly; 1 the script raised, a simulator limit
 * stopped it (the steps before are printed), the file could not be read or decoded, or a trace
 * is malformed or aborts as glibc would; 2 usage (the usage text follows).
 */
function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    for (const w of args.warnings) process.stderr.write(`highwater: warning: ${w}\n`);
    if (args.mallocTrace) {
      if (args.env.allocator !== 'glibc')
        throw new Error(`not supported by Highwater yet: --malloc-trace under LD_PRELOAD (it replays on glibc 2.36)`);
      process.stdout.write(runMallocTrace(readInput(args.mallocTrace).toString('utf8'), {}, args.env));
      return 0;
    }
    return runPythonCli(scriptInput(readInput(args.script!)), args);
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`highwater: ${e.message}\n${USAGE}\n`);
    else process.stderr.write(`highwater: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
