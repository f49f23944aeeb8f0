import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/pathlib_expected.json';

/**
 * pathlib's pure paths in Lib/pathlib.py 3.11's layout (pathlibSource.ts), allocator call by
 * allocator call against CPython 3.11.7 (tools/allocations/record_allocations.py pathlib
 * --clear-type-cache): building paths (parse_parts interning each part into a list), `/`
 * (_make_child), parent/name/suffix/stem, str/hash/parts caching a slot each, sorting and sets
 * (the parts list compared as _cparts), with_suffix/with_name/relative_to (_from_parsed_parts),
 * repr, as_posix, parents. After `setup`, gc.collect() empties the free lists, then the statement runs.
 */
describe('pathlib pure paths: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
