import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages';
import { DEFAULT_ENV } from '../protocol/environment';
import { Session } from './session';

type Done = Extract<FromWorker, { type: 'runDone' }>;

function run(source: string): Done {
  const msgs: FromWorker[] = [];
  new Session((m) => msgs.push(m)).start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement: 0, event: null });
  return msgs.find((m) => m.type === 'runDone') as Done;
}

/**
 * atexit callbacks run in the page as `python3 script.py` runs them at Py_FinalizeEx: after the last
 * statement (last registered first), and after the traceback of an exception that ends the run; what
 * they print is the last statement's output.
 */
describe('atexit in the page', () => {
  it('runs the callbacks after the last statement, last registered first', () => {
    const done = run(
      'import atexit\nsaved = []\natexit.register(print, "first registered")\n@atexit.register\ndef bye():\n    print("bye", len(saved))\nsaved.extend(range(5))\nprint("end")\n',
    );
    expect(done.error).toBeNull();
    expect(done.output.at(-1)).toBe('end\nbye 5\nfirst registered\n');
  });

  it('runs them after an uncaught exception ends the run', () => {
    const done = run('import atexit\natexit.register(print, "cleanup")\nraise ValueError("boom")\nprint("never")\n');
    expect(done.error?.pyType).toBe('ValueError');
    expect(done.output.join('')).toBe('cleanup\n');
  });

  it('an unregistered callback does not run', () => {
    const done = run('import atexit\natexit.register(print, "kept")\natexit.unregister(print)\nx = 1\n');
    expect(done.output.join('')).toBe('');
  });
});
