import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ComparedColumn } from '../../client/compareRuns';
import type { RunData } from '../../client/runStore';

/** Every compared run's data, re-rendering when any of them changes (the list is stable while unchanged). */
export function useColumnRuns(cols: readonly ComparedColumn[]): RunData[] {
  const last = useRef<RunData[]>([]);
  const subscribe = useCallback(
    (f: () => void) => {
      const unsubs = cols.map((c) => c.source.store.subscribe(f));
      return () => unsubs.forEach((u) => u());
    },
    [cols],
  );
  const get = useCallback((): RunData[] => {
    const now = cols.map((c) => c.source.store.getState());
    const prev = last.current;
    if (now.length === prev.length && now.every((r, i) => r === prev[i])) return prev;
    last.current = now;
    return now;
  }, [cols]);
  return useSyncExternalStore(subscribe, get);
}

/** Line colour and dash per column (Okabe–Ito, told apart by dash too). */
export const COLUMN_STYLE = [
  { color: '#0072b2', dash: '' },
  { color: '#d55e00', dash: '6 3' },
  { color: '#009e73', dash: '2 2' },
  { color: '#cc79a7', dash: '8 2 2 2' },
] as const;
