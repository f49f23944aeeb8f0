import { SCENARIOS, scenarioById } from '../../scenarios';
import { useEditor } from '../../store/editor';
import { useOptions } from '../../store/options';
import { usePlayhead } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { useViewport, IDENTITY } from '../../store/viewport';
import { ensureRun } from './sync';

/** Load a scenario: its text, its tunables, the playhead at the start and views reset. */
export function loadScenario(id: string): void {
  const sc = scenarioById(id);
  if (!sc) return;
  useEditor.getState().setSource(sc.source, sc.id);
  useOptions.getState().setTunables(sc.tunables ?? {});
  usePlayhead.setState({ mode: 'statement', statement: 0, event: 0, playing: false });
  useSelection.getState().select(null);
  useViewport.setState({ timelineDomain: null, heapZoom: IDENTITY, mapZoom: IDENTITY, openPool: null });
  // Simulate at once (in the worker): the whole timeline appears and stepping is instant.
  ensureRun({ statement: 0, event: null });
}

const GROUPS = [...new Set(SCENARIOS.map((s) => s.group))];

export function ScenarioPicker(): React.JSX.Element {
  const id = useEditor((s) => s.scenarioId);
  const sc = scenarioById(id);
  return (
    <div className="scenario">
      <label>
        Scenario{' '}
        <select value={id ?? ''} onChange={(e) => loadScenario(e.target.value)} aria-label="Scenario">
          {id === null && <option value="">(edited script)</option>}
          {GROUPS.map((g) => (
            <optgroup key={g} label={g}>
              {SCENARIOS.filter((s) => s.group === g).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.seed ? '★ ' : ''}
                  {s.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p className="story" title={sc?.story}>
        {sc ? sc.story.split('\n\n')[0] : 'Your own script. Steps are its top-level statements.'}
      </p>
    </div>
  );
}
