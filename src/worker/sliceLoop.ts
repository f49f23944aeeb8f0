/**
 * Background work a slice a task (the worker's idle time: setTimeout between messages): `step`
 * runs while it says there is more, and a request that arrives meanwhile waits one slice at most.
 * A slice that throws ends the work (`failed`): background work never takes the worker down (a
 * replay the JS heap had no room for).
 */
export class SliceLoop {
  private scheduled = false;

  constructor(
    private readonly schedule: ((work: () => void) => void) | null,
    private readonly step: () => boolean,
    private readonly failed: () => void,
  ) {}

  kick(): void {
    if (this.scheduled || !this.schedule) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      let more = false;
      try {
        more = this.step();
      } catch {
        this.failed();
      }
      if (more) this.kick();
    });
  }
}
