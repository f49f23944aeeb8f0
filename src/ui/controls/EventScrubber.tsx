import { useEffect, useRef } from 'react';
import { useRun } from '../../client/runStore';
import { eventLabel } from '../../derive/eventLabel';
import { usePlayhead } from '../../store/playhead';
import { fmtBytes } from '../format';
import { jumpToEvent } from '../shell/actions';
import { figuresAt, selectPreviewEvent, useScrubPreview } from './scrubPreview';

/** Land on the event previewed while dragging (the pointer let go), and end the preview. */
function commitPreview(): void {
  const e = useScrubPreview.getState().event;
  if (e === null) return;
  useScrubPreview.setState({ event: null });
  jumpToEvent(e);
}

/**
 * The fine mode: a range over the run's events and the event just done, with its real pointer and
 * size. Dragging it with a pointer previews (figures from the timeline, the timeline's playhead) and
 * lands on release; a keyboard step lands at once.
 */
export function EventScrubber(): React.JSX.Element {
  const event = usePlayhead((s) => s.event);
  const preview = useScrubPreview(selectPreviewEvent);
  const shown = useRun((s) => s.shown?.event ?? null);
  const total = useRun((s) => s.totalEvents);
  const min = useRun((s) => s.loadEvents);
  const rows = useRun((s) => s.events);
  const timeline = useRun((s) => s.timeline);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const pointerDown = useRef(false);

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    // A range input's native `change` fires when the pointer lets go (React's onChange is `input`).
    const release = (): void => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      commitPreview();
    };
    input.addEventListener('change', release);
    // Let go outside the input, or the pointer taken away: land too.
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    window.addEventListener('blur', release);
    return () => {
      input.removeEventListener('change', release);
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      window.removeEventListener('blur', release);
      // unmounted mid-drag (the mode changed): the preview ends where it is
      commitPreview();
    };
  }, []);

  const at = preview ?? shown ?? event;
  let last = '';
  if (preview === null && rows && at > rows.from && at - 1 - rows.from < rows.kind.length)
    last = eventLabel(rows, at - 1 - rows.from);
  const fig = preview !== null && timeline ? figuresAt(timeline, preview) : null;
  return (
    <div className="scrubber">
      <input
        ref={inputRef}
        type="range"
        min={min}
        max={Math.max(min, total)}
        value={preview ?? Math.min(event, total)}
        aria-label="Event"
        aria-valuetext={`event ${at.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
        onPointerDown={() => {
          pointerDown.current = true;
        }}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (pointerDown.current) useScrubPreview.setState({ event: v });
          else jumpToEvent(v);
        }}
      />
      <span
        className={`event-label${fig ? ' previewing' : ''}`}
        data-testid="event-label"
        data-preview={fig ? fig.event : undefined}
      >
        event {at.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
        {fig && (
          <>
            {' '}
            · preview: RSS {fmtBytes(fig.rss)} · heap {fmtBytes(fig.heap)} · mmaps {fmtBytes(fig.mmap)} ·
            arenas {fmtBytes(fig.arena)} <span className="muted">(let go to see this event)</span>
          </>
        )}
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
