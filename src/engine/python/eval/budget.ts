import { PyError } from '../errors';

/**
 * The run's time budget: CPU time of the simulator (the clock the host gives: process.cpuUsage in
 * the CLI, performance.now in the page's worker), checked at the eval breaker, i.e. every few
 * thousand backward jumps, function entries and C-level loop items, as CPython checks its signals.
 * `null` seconds: no limit (the CLI's default: a user at a terminal waits, or presses Ctrl-C).
 */
export class Budget {
  private start = 0;

  constructor(
    public seconds: number | null,
    private readonly clock: () => number,
  ) {
    this.start = clock();
  }

  /** Count from now (a paused replay resumed later: its wait is not work). */
  restart(): void {
    this.start = this.clock();
  }

  /** Milliseconds used so far. */
  get elapsedMs(): number {
    return this.clock() - this.start;
  }

  /** Throws TimeBudgetExceeded when the budget is spent. */
  check(line: number, statement: number): void {
    if (this.seconds === null) return;
    if (this.elapsedMs > this.seconds * 1000) throw new TimeBudgetExceeded(this.seconds, line, statement);
  }
}

/** The time budget ran out: a stop of the simulator, not a Python exception (no `except` catches it). */
export class TimeBudgetExceeded extends PyError {
  constructor(
    readonly seconds: number,
    line: number,
    readonly statement: number,
  ) {
    super(
      'TimeBudgetExceeded',
      `the simulation's time budget of ${seconds} s ran out while statement ${statement + 1} was running ` +
        `(it was still making progress: give it more time with --max-seconds, or a longer budget on the page)`,
      line,
    );
    this.excType = -1;
  }

  override describe(): string {
    return `${this.message}${this.line ? ` (line ${this.line})` : ''}`;
  }
}

/**
 * The default clock, in ms: the process's CPU time where the host can measure it (Node: the CLI,
 * the tests), else wall time (the page's worker). CPU time keeps a budget from running out because
 * other processes share the machine (a 5 s run took 60 s of wall time at load 25).
 */
const cpuUsage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process
  ?.cpuUsage;
export const defaultClock: () => number = cpuUsage
  ? () => {
      const u = cpuUsage();
      return (u.user + u.system) / 1000;
    }
  : () => globalThis.performance.now();
