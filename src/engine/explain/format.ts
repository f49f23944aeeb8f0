/**
 * Numbers in sentences: MB here means MiB (2^20), as the seed's "779 MB" does, with two decimals
 * below 10 MB so a 30 KiB top reads "0.03 MB" rather than "0 MB".
 */
export function mb(bytes: number): string {
  const v = bytes / 1048576;
  if (v === 0) return '0 MB';
  if (Math.abs(v) < 0.01) return `${Math.round(bytes / 1024)} KiB`;
  if (Math.abs(v) < 10) return `${v.toFixed(2)} MB`;
  return `${Math.round(v).toLocaleString('en-US')} MB`;
}

export function bytes(n: number): string {
  if (n < 10240) return `${n.toLocaleString('en-US')} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(n < 102400 ? 1 : 0)} KiB`;
  return mb(n);
}

export const plural = (n: number, one: string, many = one + 's'): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
