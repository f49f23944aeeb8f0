import { useEffect, useState } from 'react';
import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import { describeRef, refRange } from '../../derive/selection';
import type { ObjectInfo } from '../../protocol/messages';
import { usePlayhead } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { positionOf } from '../shell/sync';
import { hex } from '../format';

/** What is selected, and which Python objects live there (asked from the worker). */
export function SelectionInfo(): React.JSX.Element | null {
  const selected = useSelection((s) => s.selected);
  const snap = useRun((s) => s.snapshot);
  const [objects, setObjects] = useState<ObjectInfo[] | null>(null);
  useEffect(() => {
    setObjects(null);
    const range = refRange(selected);
    // Whole regions and arenas hold too many objects to list; chunks, blocks and pools do not.
    if (!range || !snap || !selected || selected.kind === 'region' || selected.kind === 'heapRange') return;
    let live = true;
    void engineClient()
      .objects(range[0], range[1], positionOf(usePlayhead.getState()))
      .then((o) => live && setObjects(o));
    return () => {
      live = false;
    };
  }, [selected, snap]);
  if (!selected) return null;
  return (
    <div className="selection-info" aria-label="Selection" data-testid="selection">
      <strong>Selected:</strong> {describeRef(selected)}{' '}
      <button type="button" className="link" onClick={() => useSelection.getState().select(null)}>
        clear
      </button>
      {objects && objects.length > 0 && (
        <ul>
          {objects.slice(0, 8).map((o) => (
            <li key={o.address}>
              {hex(o.address)}: {o.label}
            </li>
          ))}
          {objects.length > 8 && <li className="muted">… {objects.length - 8} more</li>}
        </ul>
      )}
      {objects && objects.length === 0 && <span className="muted"> (no live Python object starts here)</span>}
    </div>
  );
}
