import { useState } from 'react';
import { engineClient } from '../../client/engineClient';
import { exportPng, exportReport, exportSvg, VIEWS } from './exportView';
import { OptionsMenu } from './OptionsMenu';
import { ScenarioPicker } from './ScenarioPicker';
import { shareUrl } from './share';

/** Title, scenario library, tunables, Share and Export. */
export function TopBar(): React.JSX.Element {
  const [shared, setShared] = useState<string | null>(null);
  const onShare = async (): Promise<void> => {
    const url = shareUrl();
    history.replaceState(null, '', url);
    setShared(url);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard permission (e.g. headless): the link stays in the field to copy by hand.
    }
  };
  const onExport = async (value: string): Promise<void> => {
    const [kind, id] = value.split(':') as ['png' | 'svg' | 'report', (typeof VIEWS)[number]['id']];
    if (kind === 'png') exportPng(id);
    else if (kind === 'svg') exportSvg(id);
    else if (kind === 'report') exportReport(await engineClient().report());
  };
  return (
    <header className="topbar">
      <h1>
        Highwater <span className="muted">why a Python process keeps its memory</span>
      </h1>
      <ScenarioPicker />
      <OptionsMenu />
      <button type="button" onClick={() => void onShare()}>
        Share
      </button>
      <select aria-label="Export" value="" onChange={(e) => void onExport(e.target.value)}>
        <option value="">Export…</option>
        {VIEWS.map((v) => (
          <option key={`png${v.id}`} value={`png:${v.id}`}>
            {v.label} as PNG
          </option>
        ))}
        {VIEWS.map((v) => (
          <option key={`svg${v.id}`} value={`svg:${v.id}`}>
            {v.label} as SVG
          </option>
        ))}
        <option value="report:">Report as JSON</option>
      </select>
      {shared && (
        <span className="shared" role="status">
          Link copied:
          <input readOnly value={shared} aria-label="Share link" onFocus={(e) => e.target.select()} />
          <button type="button" className="link" onClick={() => setShared(null)} aria-label="Hide link">
            ✕
          </button>
        </span>
      )}
    </header>
  );
}
