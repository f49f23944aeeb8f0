import { useEffect } from 'react';
import { useComparison } from '../../store/comparison';
import { startCompareSync } from '../compare/compareSync';
import { CompareView } from '../compare/CompareView';
import { useViewContext } from '../useViewContext';
import { viewsFor } from '../views';
import { Controls } from '../controls/Controls';
import { ScriptEditor } from '../editor/ScriptEditor';
import { ExplainPanel } from '../explain/ExplainPanel';
import { OutputPanel } from '../explain/OutputPanel';
import { HelpSheet } from '../help/HelpSheet';
import { SupportedPython } from '../help/SupportedPython';
import { Tour } from '../help/Tour';
import { ConfirmDialog } from './ConfirmDialog';
import { installKeys } from './keys';
import { Notices } from './Notices';
import { followHashChange, openFromHash, startUrlFollow } from './share';
import { startSync } from './sync';
import { TopBar } from './TopBar';
import { useStale } from './useStale';
import { useScrubPreview } from '../controls/scrubPreview';

/**
 * One screen: the script and the explanation on the left, the controls and the four layers on the
 * right; below 1000 px they stack (styles.css). Skip links lead past the long lists.
 */
export function App(): React.JSX.Element {
  const stale = useStale();
  const ctx = useViewContext();
  const comparing = useComparison((s) => s.envs);
  // While the event scrubber is dragged the layers still show the last exact state: dimmed.
  const previewing = useScrubPreview((s) => s.event !== null);
  useEffect(() => {
    const stop = startSync();
    const stopCompare = startCompareSync();
    openFromHash(location.hash);
    const stopUrl = startUrlFollow();
    const removeKeys = installKeys();
    // A link pasted into the address bar of an open page changes only the hash.
    const onHash = (): void => void followHashChange(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      stop();
      stopCompare();
      stopUrl();
      removeKeys();
    };
  }, []);
  return (
    <div className="app">
      <nav className="skip" aria-label="Skip links">
        <a href="#editor">Skip to the script</a>
        <a href="#controls">Skip to the controls</a>
        <a href="#explain">Skip to the explanation</a>
        <a href="#views">Skip to the views</a>
      </nav>
      <TopBar />
      <div className="row2">
        {/* Panels opened from the top bar push the page down instead of covering controls. */}
        <div id="drawer" />
        <Notices />
      </div>
      <div className="left">
        <section className="panel editor-panel" aria-label="Script" id="editor" tabIndex={-1}>
          <ScriptEditor />
          <SupportedPython />
        </section>
        <ExplainPanel />
        <OutputPanel />
      </div>
      <main className={`right${stale ? ' stale' : ''}`} id="views" tabIndex={-1}>
        <Controls />
        {comparing ? (
          <div className="views" aria-label="Memory views, compared">
            <CompareView envs={comparing} />
          </div>
        ) : (
          <div className={`views${previewing ? ' previewing' : ''}`} aria-label="Memory views">
            {viewsFor(ctx, 'overview').map((v) => (
              <v.component key={v.id} />
            ))}
            <div className="layers">
              {[...viewsFor(ctx, 'libc'), ...viewsFor(ctx, 'objects')].map((v) => (
                <v.component key={v.id} />
              ))}
            </div>
          </div>
        )}
      </main>
      <Tour />
      <HelpSheet />
      <ConfirmDialog />
    </div>
  );
}
