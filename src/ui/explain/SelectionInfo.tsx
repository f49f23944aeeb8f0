import { useEffect, useState } from 'react';
import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import { describeRef, refRange } from '../../derive/selection';
import { EventKind } from '../../engine/trace/events';
import type { MemoryRef } from '../../engine/explain/types';
import type { LibcKind } from '../../engine/libc/libc';
import type { ObjectInfo, OwnerText, Whence } from '../../protocol/messages';
import { usePlayhead } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { positionOf } from '../shell/sync';
import { fmtBytes, hex } from '../format';
import { pick } from './pick';

/** What each kind of memory is called under each C library (the objects' parts link to them). */
function layerName(kind: MemoryRef['kind'], libc: LibcKind): string {
  switch (kind) {
    case 'block':
      return 'pymalloc block';
    case 'chunk':
      return libc === 'glibc'
        ? 'glibc heap chunk'
        : libc === 'jemalloc'
          ? 'jemalloc region'
          : 'mimalloc block';
    case 'mmappedChunk':
      return libc === 'glibc' ? 'glibc mmapped chunk' : `${libc} mapped block`;
    case 'heapRange':
      return 'heap range';
    case 'region':
      return 'mapping';
    case 'arena':
      return 'pymalloc arena';
    case 'pool':
      return 'pymalloc pool';
    case 'bin':
      return 'bin';
    case 'extent':
      return 'jemalloc extent';
    case 'segment':
      return 'mimalloc segment';
    case 'miPage':
      return 'mimalloc page';
  }
}

const FREED_BY: Partial<Record<number, string>> = {
  [EventKind.Free]: 'free()',
  [EventKind.PyFree]: 'PyObject_Free()',
  [EventKind.Realloc]: 'realloc() moving it',
  [EventKind.Munmap]: 'munmap()',
  [EventKind.ArenaFree]: 'pymalloc unmapping the arena',
};

/** Where the selected memory came from and where it goes, in the script's lines. */
function lifeText(w: Whence, lineOf: (statement: number) => number | null): string {
  const made = w.startup
    ? 'Allocated while the interpreter started (before line 1).'
    : `Allocated by line ${lineOf(w.allocated!.statement) ?? '?'} (event ${w.allocated!.event.toLocaleString('en-US')}).`;
  const gone = w.freed
    ? `Freed by line ${lineOf(w.freed.statement) ?? '?'} (event ${w.freed.event.toLocaleString('en-US')}, ${FREED_BY[w.freed.kind] ?? 'freed'}).`
    : 'Never freed: it is still there when the script ends.';
  return `${made} ${gone}`;
}

/**
 * What is selected, told whole: which line allocated it and when it is freed, who owns it, the
 * Python objects there and each one's other parts in the other layers (a list's header block and
 * its item buffer on the heap), linked so a click selects them.
 */
export function SelectionInfo(): React.JSX.Element | null {
  const selected = useSelection((s) => s.selected);
  const snap = useRun((s) => s.snapshot);
  const statements = useRun((s) => s.statements);
  const [info, setInfo] = useState<{
    objects: ObjectInfo[];
    owner: OwnerText | null;
    whence: Whence | null;
  } | null>(null);
  useEffect(() => {
    setInfo(null);
    const range = refRange(selected);
    // Whole regions and arenas hold too many objects to list; chunks, blocks and pools do not.
    // Whole mappings and segments hold too many objects to list.
    if (
      !range ||
      !snap ||
      !selected ||
      selected.kind === 'region' ||
      selected.kind === 'heapRange' ||
      selected.kind === 'segment'
    )
      return;
    let live = true;
    const pos = positionOf(usePlayhead.getState());
    const life =
      selected.kind === 'chunk' ||
      selected.kind === 'block' ||
      selected.kind === 'mmappedChunk' ||
      selected.kind === 'arena'
        ? engineClient().whence(range[0], snap.event)
        : Promise.resolve(null);
    void Promise.all([engineClient().objects(range[0], range[1], pos), life]).then(
      ([o, w]) => live && setInfo({ ...o, whence: w }),
    );
    return () => {
      live = false;
    };
  }, [selected, snap]);
  if (!selected) return null;
  const lineOf = (k: number): number | null => statements[k - 1]?.line ?? null;
  const own = info?.objects ?? [];
  const libc = snap?.libc.kind ?? 'glibc';
  return (
    <div
      className="selection-info"
      aria-label="Selection"
      data-testid="selection"
      tabIndex={-1}
      role="region"
    >
      <strong>Selected:</strong> {describeRef(selected, libc)}{' '}
      <button type="button" className="link" onClick={() => useSelection.getState().select(null)}>
        clear
      </button>
      {info?.owner && (
        <p className="story">
          It is {info.owner.what}
          {info.owner.note ? `, ${info.owner.note}` : ''}.{info.owner.kept ? ` ${info.owner.kept}.` : ''}
          {info.owner.holders.length > 0 && ` Kept alive by ${info.owner.holders.slice(0, 3).join(', ')}.`}
        </p>
      )}
      {info?.whence && <p className="story">{lifeText(info.whence, lineOf)}</p>}
      {own.length > 0 && (
        <ul>
          {own.slice(0, 6).map((o) => (
            <li key={o.address}>
              {hex(o.address)}: {o.label}
              {o.parts && o.parts.length > 1 && (
                <>
                  {' '}
                  — its parts:{' '}
                  {o.parts.map((p, i) => (
                    <span key={i}>
                      {i > 0 && ', '}
                      <button type="button" className="ref" onClick={() => pick(p.ref)}>
                        {p.role === 'object' ? 'the object' : `its ${p.role}`} ({fmtBytes(p.bytes)}{' '}
                        {layerName(p.ref.kind, libc)})
                      </button>
                    </span>
                  ))}
                </>
              )}
            </li>
          ))}
          {own.length > 6 && <li className="muted">… {own.length - 6} more</li>}
        </ul>
      )}
      {info && own.length === 0 && !info.owner && (
        <span className="muted"> (no live Python object starts here)</span>
      )}
    </div>
  );
}
