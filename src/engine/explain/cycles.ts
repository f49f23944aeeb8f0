import { mb, plural } from './format';
import type { OwnerAnswer } from './owners';
import { linked } from './phrases';
import type { Sentence } from './types';

/** Below this, cyclic garbage is the interpreter's own small change and not worth a sentence. */
const WORTH = 256 * 1024;

/**
 * Reference counting frees an object when its count reaches zero; objects that refer to each other
 * (or to themselves) never get there. Only the cycle collector finds them: at its next pass, at
 * gc.collect(), and never while gc.disable() is in force.
 */
export function explainCycles(answer: OwnerAnswer | null): Sentence[] {
  const c = answer?.cycles;
  if (!c || c.bytes < WORTH) return [];
  const what =
    c.nounCount === c.objects
      ? plural(c.objects, c.noun)
      : `${plural(c.objects, 'object')} (${plural(c.nounCount, c.noun)})`;
  const when = c.gcEnabled
    ? 'only the cycle collector can free them, at its next pass over their generation (gc.collect() frees them now)'
    : 'only the cycle collector can free them, and gc.disable() has switched it off: they stay until gc.collect() or gc.enable()';
  return [
    {
      id: 'cycles',
      parts: [
        linked(`${what} (${mb(c.bytes)})`, c.example),
        ` are garbage held in reference cycles: each is referred to by itself or by another of them, so its reference count never reaches zero; ${when}.`,
      ],
    },
  ];
}
