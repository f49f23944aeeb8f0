/**
 * Figures as the page prints them, one convention everywhere: binary units (KiB, MiB, GiB) and
 * bytes below 10 KiB, so "0.01 MB" never appears.
 */
export function fmtBytes(n: number): string {
  const a = Math.abs(n);
  if (a < 10240) return `${n.toLocaleString('en-US')} B`;
  if (a < 1048576) return `${(n / 1024).toFixed(1)} KiB`;
  if (a < 10 * 1048576) return `${(n / 1048576).toFixed(2)} MiB`;
  if (a < 1024 * 1048576) return `${(n / 1048576).toFixed(1)} MiB`;
  return `${(n / 1073741824).toFixed(2)} GiB`;
}

/** Counts with a k/M suffix past 10,000 ("2.6 M"), exact below. */
export function fmtCount(n: number): string {
  if (n < 10_000) return n.toLocaleString('en-US');
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 100_000 ? 1 : 0)} k`;
  return `${(n / 1_000_000).toFixed(n < 10_000_000 ? 2 : 1)} M`;
}

export const hex = (n: number): string => '0x' + n.toString(16);
