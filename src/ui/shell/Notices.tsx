import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import { errorLine } from '../../protocol/errorText';
import { useNotice } from '../../store/notice';

/** Messages above the views: a link that could not be read, Undo, a dead worker with Retry. */
export function Notices(): React.JSX.Element {
  const notice = useNotice((s) => s.notice);
  const crashed = useRun((s) => s.crashed);
  const seekError = useRun((s) => s.seekError);
  return (
    <div className="notices">
      {crashed && (
        <div className="notice error" role="alert" data-testid="crashed">
          {crashed} Your script and settings are kept.
          <button type="button" onClick={() => engineClient().retry()}>
            Retry
          </button>
          <button type="button" onClick={() => location.reload()}>
            Reload the page
          </button>
        </div>
      )}
      {seekError && (
        <div className="notice error" role="alert" data-testid="seek-error">
          {errorLine(seekError)}. The views show the last position that worked; other positions still work.
        </div>
      )}
      {notice && (
        <div
          className={`notice ${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid={notice.tone === 'error' ? 'share-error' : 'notice'}
        >
          {notice.text}
          {notice.action && (
            <button type="button" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button type="button" className="link" onClick={() => useNotice.getState().show(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
