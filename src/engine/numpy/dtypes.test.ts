import { describe, expect, it } from 'vitest';
import { arrayResult, canCastSameKind, FLOAT32, FLOAT64, INT32, INT64, scalarResult, UINT8, type DType } from './dtypes';

/** What Debian's numpy 1.24.2 printed for (x + y).dtype / (x / y).dtype, rows x, columns y. */
const TABLE: [DType, string[]][] = [
  [UINT8, ['uint8/float64', 'int32/float64', 'int64/float64', 'float32/float32', 'float64/float64']],
  [INT32, ['int32/float64', 'int32/float64', 'int64/float64', 'float64/float64', 'float64/float64']],
  [INT64, ['int64/float64', 'int64/float64', 'int64/float64', 'float64/float64', 'float64/float64']],
  [FLOAT32, ['float32/float32', 'float64/float64', 'float64/float64', 'float32/float32', 'float64/float64']],
  [FLOAT64, ['float64/float64', 'float64/float64', 'float64/float64', 'float64/float64', 'float64/float64']],
];
const COLS = [UINT8, INT32, INT64, FLOAT32, FLOAT64];

describe('dtype promotion (numpy 1.24.2, value-based casting for Python scalars)', () => {
  it('array op array', () => {
    for (const [x, row] of TABLE) row.forEach((want, i) => expect(`${arrayResult('+', x, COLS[i]).name}/${arrayResult('/', x, COLS[i]).name}`).toBe(want));
  });

  it('array op Python scalar', () => {
    expect(scalarResult('+', UINT8, { kind: 'int', value: 2 })).toBe(UINT8);
    expect(scalarResult('+', UINT8, { kind: 'int', value: 300 })).toBeNull(); // uint16: not modelled
    expect(scalarResult('+', INT32, { kind: 'int', value: 2 ** 40 })).toBeNull(); // int64
    expect(scalarResult('+', FLOAT32, { kind: 'float', value: 1.5 })).toBe(FLOAT32);
    expect(scalarResult('+', INT64, { kind: 'float', value: 1.5 })).toBe(FLOAT64);
    expect(scalarResult('/', INT32, { kind: 'int', value: 2 })).toBe(FLOAT64);
    expect(scalarResult('/', FLOAT32, { kind: 'int', value: 2 })).toBe(FLOAT32);
  });

  it("casting='same_kind' (np.can_cast, verified)", () => {
    expect(canCastSameKind(INT64, UINT8)).toBe(false);
    expect(canCastSameKind(INT64, INT32)).toBe(true);
    expect(canCastSameKind(FLOAT64, FLOAT32)).toBe(true);
    expect(canCastSameKind(FLOAT64, INT64)).toBe(false);
    expect(canCastSameKind(INT64, FLOAT32)).toBe(true);
    expect(canCastSameKind(UINT8, INT32)).toBe(true);
  });
});
