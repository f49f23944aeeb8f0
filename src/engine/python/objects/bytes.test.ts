import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { callsOf } from '../testing';
import expected from '../testdata/bytes2_expected.json';

/**
 * bytearray's ob_start and PyByteArray_Resize, slice assignment and deletion, insert/remove/extend,
 * repeat, iteration, and bytes/bytearray %-formatting, call by call as CPython 3.11.7 allocates
 * them (tools/allocations/record_allocations.py bytes2 --clear-type-cache), and split/strip/upper/lower.
 */
describe('bytearray and bytes %, call by call as CPython 3.11.7 allocates them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n')[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});

/** What python3.11 (3.11.7) printed for this script: bytearray edits, bytes %, hex, searching, a streaming parse. */
const SCRIPT =
  "b = bytearray(b'hello world, this is a buffer')\ndel b[:6]\nprint(b, len(b))\nb[0:5] = b'WORLD'\nb[5:6] = [33, 33]\nprint(b)\ndel b[::3]\nprint(b)\nb[::2] = bytes(len(b[::2]))\nprint(b)\nb.insert(0, 65); b.insert(-1, 66); b.insert(100, 67)\nprint(b)\nb.remove(65)\nb.extend(range(97, 100)); b.extend(b'xyz'); b.extend(memoryview(b'mv'))\nprint(b, b.find(b'x'), b.rfind(b'y'), b.count(0), b.index(99), b.startswith(b'\\x00'), b.endswith((b'q', b'mv')))\nc = bytearray(b'ab') * 3\nc *= 2\nprint(c, list(bytearray(b'xyz')), bytearray([1, 2, 3]), bytearray(range(5)), bytearray((x for x in [7, 8])))\ntry:\n    b[0] = 10 ** 30\nexcept ValueError as e:\n    print('ValueError', e)\ntry:\n    b[0] = 300\nexcept ValueError as e:\n    print('ValueError', e)\ntry:\n    b[1:3] = 5\nexcept TypeError as e:\n    print('TypeError', e)\ntry:\n    b[::2] = b'abc'\nexcept ValueError as e:\n    print('ValueError', e)\ntry:\n    b.remove(250)\nexcept ValueError as e:\n    print('ValueError', e)\nprint(b'%d %s %r %a' % (12, b'abc', 'x', '\u00e9'))\nprint(b'%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))\nprint(b'%x %X %#x %#o %o %c %c' % (255, 255, 255, 8, 8, 65, b'z'))\nprint(b'%.2f %e %g %10.3f %-8.1f|' % (3.14159, 12345.678, 0.0001, 2.0, -1.5))\nprint(b'%(name)s is %(age)d' % {b'name': b'Bob', b'age': 42})\nprint(bytearray(b'%s-%s') % (b'a', bytearray(b'b')), b'%5s|%-5s|%.2s' % (b'ab', b'cd', b'efgh'))\nprint(b'%s' % memoryview(b'mv'), b'100%%' % (), b'%*d|%-*d' % (5, 1, 4, 2), b'%.3d' % 7)\nfor bad in [lambda: b'%d' % (1, 2), lambda: b'%d %d' % (1,), lambda: b'%s' % 'str', lambda: b'%q' % 1, lambda: b'%c' % 300, lambda: b'%d' % 'x']:\n    try:\n        bad()\n    except (TypeError, ValueError, OverflowError) as e:\n        print(type(e).__name__, e)\nprint(memoryview(b'\\x01\\xab\\xff').hex(), b'abcdef'.hex(':'), b'abcdef'.hex('-', 2), b'abcdef'.hex(' ', -4), bytearray(b'\\x00\\x10').hex())\nprint(b'a,b,,c'.find(b','), b'abc'.find(98), b'abc'.index(b'c'), b'hello'.startswith(b'he'), b'hello'.endswith(b'lo', 0, 5), b'aaa'.count(b'a'), b'aaa'.count(b''))\nbuf = bytearray()\nout = []\nfor i in range(50):\n    buf += b'rec%d;' % i\n    while (n := buf.find(b';')) >= 0:\n        out.append(bytes(buf[:n]))\n        del buf[:n + 1]\nprint(len(out), out[:3], out[-1], len(buf))\nimport sys\nx = bytearray(b'x' * 1000)\ndel x[:600]\nprint(sys.getsizeof(x))\nprint(b'a,b,,c'.split(b','), b'  x  y\\tz '.split(), b'a b c'.split(None, 1), bytearray(b'k=v').split(b'='), b'abc'.split(b'z'))\nprint(b'  pad \\r\\n'.strip(), b'xxhixx'.strip(b'x'), b'xxhi'.lstrip(b'x'), b'hi  '.rstrip(), bytearray(b' q ').strip(), b'Mixed'.upper(), bytearray(b'MiXed').lower())\ntry:\n    b'abc'.split(b'')\nexcept ValueError as e:\n    print('ValueError', e)\n";
const PRINTED_BY_CPYTHON =
  "bytearray(b'world, this is a buffer') 23\nbytearray(b'WORLD!! this is a buffer')\nbytearray(b'ORD! tisisa ufer')\nbytearray(b'\\x00R\\x00!\\x00t\\x00s\\x00s\\x00 \\x00f\\x00r')\nbytearray(b'A\\x00R\\x00!\\x00t\\x00s\\x00s\\x00 \\x00f\\x00BrC')\nbytearray(b'\\x00R\\x00!\\x00t\\x00s\\x00s\\x00 \\x00f\\x00BrCabcxyzmv') 21 22 8 20 True True\nbytearray(b'abababababab') [120, 121, 122] bytearray(b'\\x01\\x02\\x03') bytearray(b'\\x00\\x01\\x02\\x03\\x04') bytearray(b'\\x07\\x08')\nValueError byte must be in range(0, 256)\nValueError byte must be in range(0, 256)\nTypeError can assign only bytes, buffers, or iterables of ints in range(0, 256)\nValueError attempt to assign bytes of size 3 to extended slice of size 13\nValueError value not found in bytearray\nb\"12 abc 'x' '\\\\xe9'\"\nb'   42|42   |00042|+42| 42'\nb'ff FF 0xff 0o10 10 A z'\nb'3.14 1.234568e+04 0.0001      2.000 -1.5    |'\nb'Bob is 42'\nbytearray(b'a-b') b'   ab|cd   |ef'\nb'mv' b'100%' b'    1|2   ' b'007'\nTypeError not all arguments converted during bytes formatting\nTypeError not enough arguments for format string\nTypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'str'\nValueError unsupported format character 'q' (0x71) at index 1\nOverflowError %c arg not in range(256)\nTypeError %d format: a real number is required, not str\n01abff 61:62:63:64:65:66 6162-6364-6566 61626364 6566 0010\n1 1 2 True True 3 4\n50 [b'rec0', b'rec1', b'rec2'] b'rec49' 0\n457\n[b'a', b'b', b'', b'c'] [b'x', b'y', b'z'] [b'a', b'b c'] [bytearray(b'k'), bytearray(b'v')] [b'abc']\nb'pad' b'hi' b'hi' b'hi' bytearray(b'q') b'MIXED' bytearray(b'mixed')\nValueError empty separator\n";

describe('bytes and bytearray as a script sees them', () => {
  it('prints what python3.11 printed', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED_BY_CPYTHON);
  });
});
