import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { MenuButton } from '../common/MenuButton';
import { useDismiss } from '../common/useDismiss';
import { exportFigure, exportReport, type ExportKind } from '../export/exportView';
import { viewsFor } from '../views';
import { useHelp } from '../help/helpStore';
import { useViewContext } from '../useViewContext';
import { OptionsMenu } from './OptionsMenu';
import { ScenarioPicker } from './ScenarioPicker';
import { VersionPicker } from './VersionPicker';
import { CompareButton } from '../compare/CompareButton';
import { shareUrl, writeHash } from './share';

/** The export menu: every view shown now, as PNG and as SVG, and the report. */
function exportItems(shown: { id: string; title: string }[]): { id: string; label: string; group: string }[] {
  return [
    ...shown.map((v) => ({ id: `png:${v.id}`, label: `${v.title} as PNG`, group: 'Image (2×, white)' })),
    ...shown.map((v) => ({ id: `svg:${v.id}`, label: `${v.title} as SVG`, group: 'Vector (SVG)' })),
    { id: 'report:', label: 'Report as JSON', group: 'Data' },
  ];
}

/** Title, scenario library, environment, Share, Export and help; wraps onto more lines when narrow. */
export function TopBar(): React.JSX.Element {
  const ctx = useViewContext();
  const [shared, setShared] = useState<{ url: string; copied: boolean } | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const shareRoot = useRef<HTMLDivElement | null>(null);
  const shareBox = useRef<HTMLDivElement | null>(null);
  const closeShare = useCallback(() => setShared(null), []);
  useDismiss(shared !== null, shareRoot, closeShare, shareBox);
  const drawer = typeof document !== 'undefined' ? document.getElementById('drawer') : null;
  const onShare = async (): Promise<void> => {
    writeHash();
    const url = shareUrl();
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard permission (e.g. headless): the link stays in the field to copy by hand.
    }
    setShared({ url, copied });
  };
  const onExport = async (value: string): Promise<void> => {
    const [kind, id] = value.split(':') as [ExportKind | 'report', string];
    const name = kind === 'report' ? await exportReport() : await exportFigure(kind, id);
    setExported(name ? `Saved ${name}` : 'Nothing to export yet: run the script first.');
    setTimeout(() => setExported(null), 4000);
  };
  return (
    <header className="topbar">
      <h1>
        Highwater <span className="muted">why a Python process keeps its memory</span>
      </h1>
      <ScenarioPicker />
      <VersionPicker />
      <OptionsMenu />
      <CompareButton />
      <div className="share" ref={shareRoot}>
        <button type="button" onClick={() => void onShare()} aria-expanded={shared !== null}>
          Share
        </button>
        {shared &&
          drawer &&
          createPortal(
            <div className="drawer-panel share-box" role="group" aria-label="Share" ref={shareBox}>
              <span role="status">{shared.copied ? 'Link copied to the clipboard:' : 'Copy this link:'}</span>
              <input readOnly value={shared.url} aria-label="Share link" onFocus={(e) => e.target.select()} />
              <button type="button" onClick={closeShare}>
                Close
              </button>
            </div>,
            drawer,
          )}
      </div>
      <MenuButton
        label="Export"
        text="Export"
        items={exportItems(viewsFor(ctx))}
        onSelect={(v) => void onExport(v)}
        testId="export"
      />
      {exported && (
        <span className="muted exported" role="status">
          {exported}
        </span>
      )}
      <button
        type="button"
        className="help-button"
        aria-label="Help and keyboard keys"
        onClick={() => useHelp.getState().setSheet(true)}
      >
        ?
      </button>
    </header>
  );
}
