import { explainStep, sentenceText, summarize, type Sentence } from '../../explain';
import { createProcess, defaultProfile } from '../../simulate';
import { EventLog } from '../../trace/eventLog';
import type { PythonProcess } from '../process';
import { globalBindings, pythonOwnerLookup } from './index';

export interface ExplainedStep {
  code: string;
  sentences: Sentence[];
  /** The sentences as plain text, one a line. */
  text: string;
}

/**
 * Run a script as the worker does (NumPy installed, the script's own profile) and explain every
 * statement with the owner lookup: for tests of the sentences on real processes.
 */
export function explainScript(source: string): { p: PythonProcess; steps: ExplainedStep[] } {
  const log = new EventLog();
  const p = createProcess({ events: log, profile: defaultProfile(source) });
  const statements = p.load(source);
  const steps: ExplainedStep[] = [];
  let bindings = globalBindings(p);
  for (let i = 0; i < statements.length; i++) {
    const before = summarize(p.kernel, p.libc);
    const from = log.length;
    p.runStatement(i);
    const sentences = explainStep({
      kernel: p.kernel,
      libc: p.libc,
      arenas: p.pymalloc.arenaColumns(),
      before,
      events: { kind: log.kind, addr: log.addr, size: log.size, aux: log.aux, from, to: log.length },
      owners: pythonOwnerLookup(p, bindings),
    });
    bindings = globalBindings(p);
    steps.push({ code: statements[i].code, sentences, text: sentences.map(sentenceText).join('\n') });
  }
  return { p, steps };
}

/** The sentence with this id in a step, or undefined. */
export const sentence = (step: ExplainedStep, id: string): Sentence | undefined =>
  step.sentences.find((s) => s.id === id);
