/**
 * Statements completed once `e` events have happened: those whose last event is at or before e.
 * Shared by the worker and the page so both count a position the same way.
 */
export function completedAt(statementEnd: ArrayLike<number>, e: number): number {
  let lo = 0;
  let hi = statementEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (statementEnd[mid] <= e) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
