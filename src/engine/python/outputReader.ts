/** What the interpreter keeps of what the script wrote (eval/interpreter.ts: `output`, `stderr`, `stderrAt`). */
export interface WrittenStreams {
  /** stdout as print() and sys.stdout.write wrote it, a chunk a write. */
  readonly output: readonly string[];
  readonly stderr: readonly string[];
  /** stderrAt[k]: how many stdout chunks were written before stderr[k]. */
  readonly stderrAt: readonly number[];
}

/** What was written since the last read. `at`: the stdout length (all of it, from the start) before each stderr write. */
export interface WrittenSince {
  stdout: string;
  /** stdout's length before this read's text. */
  before: number;
  stderr: { at: number; text: string }[];
}

/**
 * Reads a process's stdout and stderr a statement at a time: each read costs what was written
 * since the last one. Joining the whole history after every statement (PythonProcess.output) made a
 * script of 10,000 print statements quadratic: 10,000 joins of up to 10,000 chunks.
 */
export class OutputReader {
  private chunk = 0;
  private written = 0;
  private errs = 0;

  constructor(private readonly streams: () => WrittenStreams | null) {}

  /** stdout's length so far (what the reads returned). */
  get length(): number {
    return this.written;
  }

  read(): WrittenSince {
    const s = this.streams();
    const before = this.written;
    if (!s) return { stdout: '', before, stderr: [] };
    const stderr: { at: number; text: string }[] = [];
    const from = this.chunk;
    let chars = this.written;
    let chunk = this.chunk;
    for (; this.errs < s.stderr.length; this.errs++) {
      for (; chunk < s.stderrAt[this.errs]; chunk++) chars += s.output[chunk].length;
      stderr.push({ at: chars, text: s.stderr[this.errs] });
    }
    const parts = s.output.slice(from);
    const stdout = parts.length === 1 ? parts[0] : parts.join('');
    this.chunk = s.output.length;
    this.written = before + stdout.length;
    return { stdout, before, stderr };
  }
}
