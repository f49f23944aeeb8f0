import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { callsOf } from '../testing';
import expected from '../testdata/buffer_expected.json';

/**
 * memoryview and the buffer protocol call by call as CPython 3.11.7 allocates them
 * (tools/allocations/record_allocations.py buffer): the managed buffer then the view, a slice as one
 * more view, the exporter let go with the last view, bytes()/bytearray() from a buffer in one copy,
 * and bytearray's append / pop / clear / copy / slicing over PyByteArray_Resize.
 */

describe('memoryview and bytearray buffers, call by call as CPython 3.11.7 allocates them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n')[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});

/** What python3.11 (3.11.7) printed for this script: views, exports blocking a resize, release. */
const SCRIPT =
  "import sys, array\nb = bytearray(100)\nm = memoryview(b)\nprint(sys.getsizeof(m))\nm2 = m[10:20]\nprint(sys.getsizeof(m2), m2.nbytes, m2.obj is b, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)\ntry:\n    b.append(1)\nexcept BufferError as e:\n    print('BufferError', e)\nm.release(); m2.release(); b.append(1); print(len(b))\nprint(bytes(memoryview(b'hello')[1:3]), memoryview(b'hello').tobytes(), memoryview(b'ab').tolist(), memoryview(b'ab')[0])\nwith memoryview(bytearray(b'xyz')) as mv:\n    mv[0] = 65\n    print(mv.tobytes(), mv.hex())\nmc = memoryview(bytearray(16)).cast('i'); print(mc.format, len(mc), mc.tolist())\na = array.array('d', [1.5, 2.5]); ma = memoryview(a); print(ma.format, ma.itemsize, ma.tolist(), ma.nbytes)\ndata = bytearray(b'abcdefghij' * 1000)\nview = memoryview(data)\nchunks = [view[i:i + 1000] for i in range(0, len(data), 1000)]\nprint(len(chunks), bytes(chunks[3][:5]))\ncopies = [bytes(c) for c in chunks]\nprint(sum(len(c) for c in copies))\ndel chunks, view\ndata += b'x'\nprint(len(data), data[5:9], bytes(data[:3]), bytearray(memoryview(b'qq')), bytes(bytearray(b'z')))\ntry:\n    m.tobytes()\nexcept ValueError as e:\n    print('ValueError', e)\nmv2 = memoryview(data); mv2[0:3] = b'XYZ'; print(data[:4])\n";
const PRINTED_BY_CPYTHON =
  "184\n184 10 True False B 1 1 (100,) (1,)\nBufferError Existing exports of data: object cannot be re-sized\n101\nb'el' b'hello' [97, 98] 97\nb'Ayz' 41797a\ni 4 [0, 0, 0, 0]\nd 8 [1.5, 2.5] 16\n10 b'abcde'\n10000\n10001 bytearray(b'fghi') b'abc' bytearray(b'qq') b'z'\nValueError operation forbidden on released memoryview object\nbytearray(b'XYZd')\n";

describe('memoryview as a script sees it', () => {
  it('prints what python3.11 printed', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED_BY_CPYTHON);
  });
});

describe('a view’s shape and strides', () => {
  it('are tuples that own their ints (a length past the small-int cache survives being printed)', () => {
    // python3.11.7 printed this; the shape's int was freed twice while 100000 > 256
    const r = runScript(
      "import array, gc\na = array.array('d', range(100000))\nm = memoryview(a)\ns = m.shape\nprint(m.shape, s, m.strides, m.nbytes)\ndel m\ngc.collect()\nprint(s, s[0] + 1)\n",
    );
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe('(100000,) (100000,) (8,) 800000\n(100000,) 100001\n');
  });
});
