import { useRun } from '../../client/runStore';
import { EventKind } from '../../engine/trace/events';
import { usePlayhead } from '../../store/playhead';
import { jumpToEvent } from '../shell/actions';

const KIND_NAMES: Record<number, string> = {
  [EventKind.Malloc]: 'malloc',
  [EventKind.Calloc]: 'calloc',
  [EventKind.Realloc]: 'realloc',
  [EventKind.Free]: 'free',
  [EventKind.MallocTrim]: 'malloc_trim',
  [EventKind.PyAlloc]: 'PyObject_Malloc',
  [EventKind.PyFree]: 'PyObject_Free',
  [EventKind.PyRealloc]: 'PyObject_Realloc',
  [EventKind.ArenaNew]: 'new arena',
  [EventKind.ArenaFree]: 'free arena',
  [EventKind.Brk]: 'brk',
  [EventKind.Mmap]: 'mmap',
  [EventKind.Munmap]: 'munmap',
  [EventKind.Mremap]: 'mremap',
  [EventKind.MadviseDontneed]: 'madvise(DONTNEED)',
  [EventKind.MadviseHugepage]: 'madvise(HUGEPAGE)',
  [EventKind.Mprotect]: 'mprotect',
  [EventKind.StatementStart]: 'statement',
  [EventKind.GcCollect]: 'gc',
};

/** The fine mode: a range input over the run's events and the event just done. */
export function EventScrubber(): React.JSX.Element {
  const event = usePlayhead((s) => s.event);
  const total = useRun((s) => s.totalEvents);
  const min = useRun((s) => s.loadEvents);
  const rows = useRun((s) => s.events);
  let last = '';
  if (rows && event > rows.from && event - 1 - rows.from < rows.kind.length) {
    const i = event - 1 - rows.from;
    const kind = KIND_NAMES[rows.kind[i]] ?? `event ${rows.kind[i]}`;
    last = `${kind}(${rows.size[i].toLocaleString('en-US')}) → 0x${rows.addr[i].toString(16)}`;
  }
  return (
    <span className="scrubber">
      <input
        type="range"
        min={min}
        max={Math.max(min, total)}
        value={Math.min(event, total)}
        aria-label="Event"
        onChange={(e) => jumpToEvent(Number(e.target.value))}
      />
      <span className="event-label">
        event {event.toLocaleString('en-US')} of {total.toLocaleString('en-US')} {last && <code>{last}</code>}
      </span>
    </span>
  );
}
