import { describe, expect, it } from 'vitest';
import { StopPoints } from './stopPoints';

describe('stop points', () => {
  it('finds the nearest stop in either direction, within bounds', () => {
    const s = new StopPoints();
    for (const n of [0, 3, 4, 9, 200_000]) s.mark(n);
    expect(s.atOrBefore(8, 0)).toBe(4);
    expect(s.atOrBefore(9, 0)).toBe(9);
    expect(s.atOrBefore(2, 0)).toBe(0);
    expect(s.atOrAfter(5, 200_000)).toBe(9);
    expect(s.atOrAfter(10, 200_000)).toBe(200_000);
    expect(s.atOrAfter(10, 50)).toBe(50);
    expect(s.has(200_000)).toBe(true);
    expect(s.has(199_999)).toBe(false);
  });
});
