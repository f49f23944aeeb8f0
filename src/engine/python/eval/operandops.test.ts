import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * The instructions operandops.ts runs outside the loop pop their operands in a function of their
 * own: when the operation raises, the loop's stack pointer still counts those slots. Each raises,
 * is caught, and runs again three times; the output is what CPython 3.11.7 printed for this script.
 */
const SCRIPT = `b = bytearray(b'hello')
d = {}
class C:
    pass
o = C()
for _ in range(3):
    try:
        b[0] = 300
    except ValueError as e:
        print('store', e)
    try:
        del d['missing']
    except KeyError as e:
        print('delete', e)
    try:
        1 in 5
    except TypeError as e:
        print('contains', e)
    try:
        {[i] for i in range(2)}
    except TypeError as e:
        print('set', e)
    try:
        {[i]: i for i in range(2)}
    except TypeError as e:
        print('map', e)
    try:
        del o.missing
    except AttributeError as e:
        print('delattr', e)
print(b, d, len([1, 2, 3]))
`;
const ROUND = `store byte must be in range(0, 256)
delete 'missing'
contains argument of type 'int' is not iterable
set unhashable type: 'list'
map unhashable type: 'list'
delattr 'C' object has no attribute 'missing'
`;

describe('operand instructions that raise', () => {
  it('leave the stack as CPython does: caught, then run again', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(ROUND.repeat(3) + "bytearray(b'hello') {} 3\n");
  });
});
