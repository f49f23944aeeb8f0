/**
 * Numbers in sentences, one convention with the page (src/ui/format.ts): binary units, MiB with
 * two decimals below 10 MiB, KiB below 1 MiB (a 30 KiB top reads "30 KiB", never "0.03 MB").
 */
export function mb(bytes: number): string {
  const v = bytes / 1048576;
  if (v === 0) return '0 MiB';
  if (Math.abs(bytes) < 1048576) return `${(bytes / 1024).toFixed(Math.abs(bytes) < 102400 ? 1 : 0)} KiB`;
  if (Math.abs(v) < 10) return `${v.toFixed(2)} MiB`;
  return `${Math.round(v).toLocaleString('en-US')} MiB`;
}

export function bytes(n: number): string {
  if (n < 10240) return `${n.toLocaleString('en-US')} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(n < 102400 ? 1 : 0)} KiB`;
  return mb(n);
}

export const plural = (n: number, one: string, many = one + 's'): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
