import type { Vm } from '../runtime/vm';
import type { PyThread, Wait } from './pythread';

/**
 * How a blocked thread's wait ends (lock.acquire with or without a timeout, time.sleep): its lock
 * came free (the waiter takes it, with the RLock count it asked for) or its deadline passed.
 */

/** The wait can end at `now`: the lock is free, or the deadline has passed. */
export function waitCanEnd(w: Wait, now: number): boolean {
  if (w.kind === 'sleep') return now >= w.deadline;
  return !w.lock.locked || (w.deadline !== null && now >= w.deadline);
}

/** Ends `th`'s wait if it can: takes the lock, or times out. Sets the blocked call's value. */
export function endWait(th: PyThread, now: number, vm: Vm): boolean {
  const w = th.wait;
  if (w === null) return true;
  if (!waitCanEnd(w, now)) return false;
  th.wait = null;
  th.got = true;
  if (w.kind === 'lock') {
    th.got = !w.lock.locked;
    if (th.got) {
      w.lock.locked = true;
      w.lock.owner = th.ident;
      w.lock.count = w.count;
    }
    setWaitResult(th, th.got, vm);
  }
  return true;
}

/** The blocked call's value in the paused frame (pushed as True/None when it blocked): False on a timeout. */
function setWaitResult(th: PyThread, got: boolean, vm: Vm): void {
  if (got || th.onStack) return;
  const f = th.resume!;
  const old = f.slots[f.sp - 1];
  f.slots[f.sp - 1] = vm.s.False;
  vm.decref(old);
}
