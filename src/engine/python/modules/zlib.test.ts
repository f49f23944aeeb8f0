import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';
import real from '../testdata/zlib_bytes.json';

/**
 * zlib.compress and gzip.compress write the bytes the real zlib 1.2.13 writes under CPython 3.11.7
 * (tools/allocations/zlib_bytes.py: length and SHA-256 per case): the compressed size is what a
 * program keeps (gzip_json_payload's body), so a different DEFLATE of the same data is a different
 * heap; a compressobj's parts too (each compress() returns what deflate wrote by then). Each result
 * also inflates back to the data.
 */
describe(`zlib's deflate, byte for byte (zlib ${real.zlib})`, () => {
  for (const c of real.cases) {
    it(`${c.call} of ${c.data.slice(0, 60)}`, () => {
      const p = runAll(
        [
          'import gzip, json, zlib',
          `data = ${c.data}`,
          `b = ${c.call}`,
          'h = b.hex()',
          'n = len(b)',
          // (a case whose bytes are the list of a compressobj's part lengths has nothing to inflate)
          c.call.includes('len(')
            ? 'back = True'
            : `back = ${c.call.startsWith('gzip') ? 'gzip.decompress(b)' : c.call.includes('-15') ? 'zlib.decompress(b, -15)' : 'zlib.decompress(b, 47)'} == data`,
        ].join('\n'),
      );
      expect(Number(valueOf(p, 'n'))).toBe(c.length);
      const hex = valueOf(p, 'h').slice(1, -1);
      expect(createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex')).toBe(c.sha256);
      expect(valueOf(p, 'back')).toBe('True');
    });
  }
});
