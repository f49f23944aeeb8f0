import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/** handle_system_exit (pythonrun.c): an uncaught SystemExit ends the process without a traceback. */
describe('an uncaught SystemExit', () => {
  it('ends the run at its statement with the status, no traceback, the steps before kept', () => {
    const r = runScript('import sys\nx = [0] * 1000\nsys.exit(3)\nprint("not reached")\n');
    expect(r.error?.type).toBe('SystemExit');
    expect(r.error?.message).toBe('3');
    expect(r.error?.line).toBe(3);
    expect(r.error?.text).toBeUndefined();
    expect(r.error?.traceback).toBeUndefined();
    expect(r.output ?? '').toBe('');
    expect(r.steps.map((s) => s.code)).toEqual(['<start>', 'import sys', 'x = [0] * 1000']);
  });

  it('prints a code that is not an int or None, as CPython prints it on stderr', () => {
    const r = runScript('import sys\nsys.exit("bad config")\n');
    expect(r.error?.type).toBe('SystemExit');
    expect(r.error?.text).toBe('bad config\n');
  });

  it('is caught like any exception, with its code', () => {
    const r = runScript(
      'import sys\ntry:\n    sys.exit()\nexcept SystemExit as e:\n    print(repr(e.code))\n',
    );
    expect(r.error).toBeUndefined();
    expect(r.output).toBe('None\n');
  });

  it('argparse errors exit 2 after the usage and the message on stderr', () => {
    const r = runScript(
      'import argparse\np = argparse.ArgumentParser(prog="tool")\np.add_argument("n", type=int)\np.parse_args(["x"])\n',
    );
    expect(r.error?.type).toBe('SystemExit');
    expect(r.error?.message).toBe('2');
    expect(r.stderr).toBe("usage: tool [-h] n\ntool: error: argument n: invalid int value: 'x'\n");
  });
});
