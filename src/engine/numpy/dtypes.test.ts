import { describe, expect, it } from 'vitest';
import {
  canCastSameKind,
  FLOAT32,
  FLOAT64,
  INT16,
  INT32,
  INT64,
  INT8,
  UINT16,
  UINT8,
  type DType,
  type PyScalar,
} from './dtypes';
import { resolveLoop, type UfuncName } from './loops';

const arrayResult = (op: UfuncName, a: DType, b: DType): DType => {
  const r = resolveLoop(op, [
    { dtype: a, scalar: null },
    { dtype: b, scalar: null },
  ]);
  return 'loop' in r ? r.out : (null as unknown as DType);
};
const scalarResult = (op: UfuncName, a: DType, s: PyScalar): DType => {
  const r = resolveLoop(op, [
    { dtype: a, scalar: null },
    { dtype: s.kind === 'float' ? FLOAT64 : INT64, scalar: s },
  ]);
  return 'loop' in r ? r.out : (null as unknown as DType);
};

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
    for (const [x, row] of TABLE)
      row.forEach((want, i) =>
        expect(`${arrayResult('add', x, COLS[i]).name}/${arrayResult('true_divide', x, COLS[i]).name}`).toBe(
          want,
        ),
      );
  });

  it('array op Python scalar', () => {
    // as Debian's numpy 1.24.2 printed (np.zeros(2, x) + y).dtype
    expect(scalarResult('add', UINT8, { kind: 'int', value: 2 })).toBe(UINT8);
    expect(scalarResult('add', UINT8, { kind: 'int', value: 300 })).toBe(UINT16);
    expect(scalarResult('add', UINT8, { kind: 'int', value: -1 })).toBe(INT16);
    expect(scalarResult('add', INT8, { kind: 'int', value: 1 })).toBe(INT8);
    expect(scalarResult('add', INT8, { kind: 'int', value: 200 })).toBe(INT16);
    expect(scalarResult('add', INT16, { kind: 'int', value: 2 ** 40 })).toBe(INT64);
    expect(scalarResult('add', INT32, { kind: 'int', value: 2 ** 40 })).toBe(INT64);
    expect(scalarResult('add', FLOAT32, { kind: 'float', value: 1.5 })).toBe(FLOAT32);
    expect(scalarResult('add', FLOAT32, { kind: 'float', value: 1e300 })).toBe(FLOAT64);
    expect(scalarResult('add', INT64, { kind: 'float', value: 1.5 })).toBe(FLOAT64);
    expect(scalarResult('true_divide', INT32, { kind: 'int', value: 2 })).toBe(FLOAT64);
    expect(scalarResult('true_divide', FLOAT32, { kind: 'int', value: 2 })).toBe(FLOAT32);
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
