/**
 * The process cannot go on: its resident memory passed the machine's RAM (no swap), so the
 * kernel's OOM killer ends it with SIGKILL (mm/oom_kill.c picks the largest process: this one).
 * Thrown from the page fault that crossed the line; nothing in the process can catch it.
 */
export class OomKilled extends Error {
  constructor(
    readonly rss: number,
    readonly ram: number,
  ) {
    super(`out of memory: RSS ${(rss / 1024 ** 3).toFixed(2)} GiB passed the machine's ${(ram / 1024 ** 3).toFixed(2)} GiB`);
    this.name = 'OomKilled';
  }
}

/**
 * A place the model cannot represent (not a limit of the real process): the main arena names its
 * chunks by 16-byte granules in Int32 slots, so its brk heap stops at 32 GiB past its start.
 */
export class ModelLimit extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelLimit';
  }
}
