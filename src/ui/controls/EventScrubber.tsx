import { useRun } from '../../client/runStore';
import { eventLabel } from '../../derive/eventLabel';
import { usePlayhead } from '../../store/playhead';
import { jumpToEvent } from '../shell/actions';

/** The fine mode: a range over the run's events and the event just done, with its real pointer and size. */
export function EventScrubber(): React.JSX.Element {
  const event = usePlayhead((s) => s.event);
  const shown = useRun((s) => s.shown?.event ?? null);
  const total = useRun((s) => s.totalEvents);
  const min = useRun((s) => s.loadEvents);
  const rows = useRun((s) => s.events);
  const at = shown ?? event;
  let last = '';
  if (rows && at > rows.from && at - 1 - rows.from < rows.kind.length)
    last = eventLabel(rows, at - 1 - rows.from);
  return (
    <div className="scrubber">
      <input
        type="range"
        min={min}
        max={Math.max(min, total)}
        value={Math.min(event, total)}
        aria-label="Event"
        aria-valuetext={`event ${at.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
        onChange={(e) => jumpToEvent(Number(e.target.value))}
      />
      <span className="event-label" data-testid="event-label">
        event {at.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
        {last && (
          <>
            {' '}
            · last: <code>{last}</code>
          </>
        )}
      </span>
    </div>
  );
}
