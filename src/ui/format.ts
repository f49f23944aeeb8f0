/** Figures as the page prints them: MB = MiB, as in the seed ("779 MB"). */
export function fmtBytes(n: number): string {
  const a = Math.abs(n);
  if (a < 10240) return `${n.toLocaleString('en-US')} B`;
  if (a < 1048576) return `${(n / 1024).toFixed(1)} KiB`;
  if (a < 10 * 1048576) return `${(n / 1048576).toFixed(2)} MB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

export const hex = (n: number): string => '0x' + n.toString(16);
