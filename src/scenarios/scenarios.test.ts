import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './index';
import { SCENARIOS as NODE_SCENARIOS } from './node';
import { parseScenarioFile } from './parse';

describe('scenario library', () => {
  it('has at least 10 scenarios with a title, a story and code, the seed pair first', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(10);
    expect(SCENARIOS.slice(0, 2).map((s) => s.id)).toEqual(['seed_small_lists', 'seed_big_lists']);
    for (const s of SCENARIOS) {
      expect(s.title.length, s.id).toBeGreaterThan(5);
      expect(s.story.length, s.id).toBeGreaterThan(40);
      expect(s.source.trim().length, s.id).toBeGreaterThan(0);
      expect(s.source.startsWith('#'), s.id).toBe(false);
    }
  });

  it('reads the same files under Vite and under plain Node', () => {
    expect(NODE_SCENARIOS).toEqual(SCENARIOS);
  });

  it('splits the header from the code', () => {
    const p = parseScenarioFile('# title: T\n#\n# one\n# two\n#\n# three\na = 1\n');
    expect(p).toEqual({ title: 'T', story: 'one two\n\nthree', code: 'a = 1\n' });
  });
});
