import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages';
import { DEFAULT_ENV } from '../protocol/environment';
import { interleave } from '../ui/explain/OutputPanel';
import { Session } from './session';

/**
 * What a script writes to sys.stderr (a warning, logging's default handler, print(file=…)) reaches
 * the page with each statement's output, at the place in it where a terminal would show it.
 */
describe('stderr in the page', () => {
  it('each statement’s stderr writes at their offsets in its stdout', () => {
    const msgs: FromWorker[] = [];
    const source =
      'import sys, warnings, logging\nfor i in range(2):\n    print("a", i)\n    print("err", i, file=sys.stderr)\nwarnings.warn("careful")\nlogging.warning("low on %s", "memory")\nprint("done")\n';
    new Session((m) => msgs.push(m)).start(
      1,
      source,
      { tunables: {}, env: DEFAULT_ENV },
      { statement: 0, event: null },
    );
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    expect(done.error).toBeNull();
    expect(done.output).toEqual(['', 'a 0\na 1\n', '', '', 'done\n']);
    expect(done.stderr).toEqual([
      [],
      [
        { at: 4, text: 'err 0\n' },
        { at: 8, text: 'err 1\n' },
      ],
      [{ at: 0, text: 'script.py:5: UserWarning: careful\n  warnings.warn("careful")\n' }],
      [{ at: 0, text: 'WARNING:root:low on memory\n' }],
      [],
    ]);
    expect(interleave(done.output[1], done.stderr[1])).toEqual([
      { text: 'a 0\n', err: false },
      { text: 'err 0\n', err: true },
      { text: 'a 1\n', err: false },
      { text: 'err 1\n', err: true },
    ]);
  });
});
