import { useOptions } from '../../store/options';

/** glibc tunables (GLIBC_TUNABLES=glibc.malloc.*); changing one makes the next step re-run the script. */
export function OptionsMenu(): React.JSX.Element {
  const t = useOptions((s) => s.tunables);
  const set = (k: keyof typeof t, v: string): void => {
    const next = { ...t };
    if (v === '') delete next[k];
    else next[k] = Math.max(0, Math.floor(Number(v)));
    useOptions.getState().setTunables(next);
  };
  const field = (k: keyof typeof t, label: string, placeholder: string): React.JSX.Element => (
    <label key={k}>
      {label}
      <input
        type="number"
        min={0}
        value={t[k] ?? ''}
        placeholder={placeholder}
        onChange={(e) => set(k, e.target.value)}
      />
    </label>
  );
  return (
    <details className="options">
      <summary>glibc tunables{Object.keys(t).length > 0 ? ` (${Object.keys(t).length} set)` : ''}</summary>
      {field('tcacheCount', 'tcache_count', '7')}
      {field('mmapThreshold', 'mmap_threshold', 'dynamic')}
      {field('trimThreshold', 'trim_threshold', 'dynamic')}
      {field('topPad', 'top_pad', '131072')}
    </details>
  );
}
