import { useEffect, useState } from 'react';
import { AddressMap } from '../addressMap/AddressMap';
import { Controls } from '../controls/Controls';
import { ScriptEditor } from '../editor/ScriptEditor';
import { ExplainPanel } from '../explain/ExplainPanel';
import { GlibcView } from '../glibc/GlibcView';
import { PymallocView } from '../pymalloc/PymallocView';
import { Timeline } from '../timeline/Timeline';
import { installKeys } from './keys';
import { restoreFromHash } from './share';
import { startSync } from './sync';
import { TopBar } from './TopBar';

/** One screen: editor and explanation on the left, controls and the four layers on the right. */
export function App(): React.JSX.Element {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const stop = startSync();
    setNotice(restoreFromHash(location.hash));
    const removeKeys = installKeys();
    // A link pasted into the address bar of an open page changes only the hash.
    const onHash = (): void => setNotice(restoreFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      stop();
      removeKeys();
    };
  }, []);
  return (
    <div className="app">
      <TopBar />
      {notice && (
        <div className="notice" role="alert" data-testid="share-error">
          {notice}
          <button type="button" className="link" onClick={() => setNotice(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      <aside className="left">
        <ScriptEditor />
        <ExplainPanel />
      </aside>
      <main className="right">
        <Controls />
        <Timeline />
        <AddressMap />
        <div className="layers">
          <GlibcView />
          <PymallocView />
        </div>
      </main>
    </div>
  );
}
