import type { ConstValue, Expr, ExprOf } from '../syntax/ast';
import { binaryOp, bitLength, intOf } from './pyops';
import { pyLen } from './values';

/** ast_opt.c's node rewriting (make_const, COPY_NODE) and its guarded operators (safe_*). */

// ast_opt.c's limits on what is folded: results that would be big stay computed at run time.
const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

const POS_KEYS = new Set(['line', 'col', 'endLine', 'endCol']);

/** make_const: the node becomes a Constant in place (its position stays). */
export function makeConst(node: Expr, value: ConstValue | null): void {
  if (value === null) return; // the operation raised: leave the node alone
  const n = node as unknown as Record<string, unknown>;
  for (const key of Object.keys(n)) if (!POS_KEYS.has(key)) delete n[key];
  n.k = 'Constant';
  n.value = value;
  n.kind = null;
}

/** COPY_NODE(to, from): `to` takes every field of `from`, position included. */
export function copyNode(to: Expr, from: Expr): void {
  const t = to as unknown as Record<string, unknown>;
  for (const key of Object.keys(t)) delete t[key];
  Object.assign(t, from);
}

export const constOf = (e: Expr): ConstValue | null => (e.k === 'Constant' ? e.value : null);

/** check_complexity: how many items a nested constant tuple/frozenset adds up to. */
function checkComplexity(c: ConstValue, limit: number): number {
  if (c.t === 'tuple' || c.t === 'frozenset') {
    limit -= c.items.length;
    for (let i = 0; limit >= 0 && i < c.items.length; i++) limit = checkComplexity(c.items[i], limit);
  }
  return limit;
}

/** safe_multiply / safe_power / safe_lshift / safe_mod: refuse results over the limits. */
export function safeBinary(op: string, v: ConstValue, w: ConstValue): ConstValue | null {
  const iv = intOf(v);
  const iw = intOf(w);
  switch (op) {
    case '*': {
      if (iv !== null && iw !== null) {
        if (iv !== 0n && iw !== 0n && bitLength(iv) + bitLength(iw) > MAX_INT_SIZE) return null;
      } else if (iv !== null && (w.t === 'tuple' || w.t === 'frozenset')) {
        const size = w.items.length;
        if (size) {
          if (iv < 0n || iv > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return null;
          const n = Number(iv);
          if (n && checkComplexity(w, Math.floor(MAX_TOTAL_ITEMS / n)) < 0) return null;
        }
      } else if (iv !== null && (w.t === 'str' || w.t === 'bytes')) {
        const size = w.t === 'str' ? pyLen(w.v) : w.v.length;
        if (size && (iv < 0n || iv > BigInt(Math.floor(MAX_STR_SIZE / size)))) return null;
      } else if (iw !== null && ['tuple', 'frozenset', 'str', 'bytes'].includes(v.t)) {
        return safeBinary('*', w, v);
      }
      return binaryOp('*', v, w);
    }
    case '**':
      if (iv !== null && iw !== null && iv !== 0n && iw > 0n) {
        if (iw > BigInt(MAX_INT_SIZE) || bitLength(iv) > Math.floor(MAX_INT_SIZE / Number(iw))) return null;
      }
      if (iv !== null && iw !== null && (iv === 0n || iv === 1n) && iw > 0n) return { t: 'int', v: iv };
      return binaryOp('**', v, w);
    case '<<':
      if (iv !== null && iw !== null && iv !== 0n && iw !== 0n) {
        if (iw < 0n) return null;
        if (iw > BigInt(MAX_INT_SIZE) || bitLength(iv) > MAX_INT_SIZE - Number(iw)) return null;
      }
      if (iv === 0n && iw !== null && iw >= 0n) return { t: 'int', v: 0n };
      return binaryOp('<<', v, w);
    case '>>':
      if (iv !== null && iw !== null && iw > 1n << 32n) return { t: 'int', v: iv < 0n ? -1n : 0n };
      return binaryOp('>>', v, w);
    case '%':
      if (v.t === 'str' || v.t === 'bytes') return null;
      return binaryOp('%', v, w);
    case '@':
      return null; // no builtin constant implements matrix multiplication
    default:
      return binaryOp(op as ExprOf<'BinOp'>['op'], v, w);
  }
}
