import { largeIndex, type BinRow } from './bins';

/** The bin a heap chunk of this state and size sits in (the rule derive/bins builds rows with). */
export function binKeyOf(state: number, size: number): string | null {
  switch (state) {
    case 2:
      return `tcache:${(size - 17) >> 4}`;
    case 3:
      return `fastbin:${(size >> 4) - 2}`;
    case 4:
      return 'unsorted:1';
    case 5:
      return `smallbin:${size >> 4}`;
    case 6:
      return `largebin:${largeIndex(size)}`;
    case 7:
      return 'top:0';
    default:
      return null;
  }
}

export const rowKey = (r: Pick<BinRow, 'bin' | 'index'>): string => `${r.bin}:${r.index}`;

/**
 * The rows in the order the panel lists them: first the bins the script changed (their count or
 * bytes differ from the interpreter's start), then the rest, each by bytes, largest first.
 */
export function orderBins(rows: BinRow[], start: BinRow[] | null): { row: BinRow; mine: boolean }[] {
  const before = new Map((start ?? []).map((r) => [rowKey(r), r]));
  const out = rows.map((row) => {
    const b = before.get(rowKey(row));
    return { row, mine: start !== null && (!b || b.count !== row.count || b.bytes !== row.bytes) };
  });
  return out.sort((a, b) => Number(b.mine) - Number(a.mine) || b.row.bytes - a.row.bytes);
}
