import { typeError } from '../errors';
import type { Vm } from '../runtime/vm';
import { byteString, type ByteContent } from './bytes';
import { F_BIG, F_HASHED } from './table';
import { T, TYPE_NAMES } from './types';

/**
 * A JS value standing for a Python object's identity as a dict/set key: equal Python keys map to
 * the same HashKey (1 == 1.0 == True), different ones never collide. Where entries sit in the
 * real hash table does not change any allocation, so real hashes are not needed.
 */
export type HashKey = string | number | bigint;

export function hashKey(vm: Vm, h: number): HashKey {
  const t = vm.table;
  switch (t.type[h]) {
    case T.Str:
      t.flags[h] |= F_HASHED;
      return t.side[h] as string;
    case T.Int:
      return t.flags[h] & F_BIG ? (t.side[h] as bigint) : t.num[h];
    case T.Bool:
      return t.num[h];
    case T.Float: {
      const v = t.num[h];
      return Number.isInteger(v) && !Number.isSafeInteger(v) ? BigInt(v) : Object.is(v, -0) ? 0 : v;
    }
    case T.None:
      return '\u0000None';
    case T.Ellipsis:
      return '\u0000Ellipsis';
    case T.Bytes: {
      const s = byteString(t.side[h] as ByteContent);
      return s === null ? `\u0000b#${h}` : '\u0000b' + s;
    }
    case T.Tuple: {
      const parts: string[] = [];
      const d = vm.pool.data;
      for (let i = 0, off = t.ref[h]; i < t.n[h]; i++) parts.push(keyText(hashKey(vm, d[off + i])));
      return '\u0000(' + parts.join(',') + ')';
    }
    case T.FrozenSet: {
      const parts = [...(t.side[h] as { index: Map<HashKey, number> }).index.keys()].map(keyText).sort();
      return '\u0000f{' + parts.join(',') + '}';
    }
    case T.List:
    case T.Dict:
    case T.Set:
    case T.ByteArray:
      throw typeError(`unhashable type: '${TYPE_NAMES[t.type[h]]}'`);
    default:
      return `\u0000#${h}`;
  }
}

function keyText(k: HashKey): string {
  return typeof k === 'string' ? JSON.stringify(k) : typeof k === 'bigint' ? k.toString() + 'n' : String(k);
}
