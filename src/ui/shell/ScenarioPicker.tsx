import { sameEnv } from '../../protocol/environment';
import { SCENARIOS, scenarioById } from '../../scenarios';
import { useEditor } from '../../store/editor';
import { useOptions } from '../../store/options';
import { MenuButton, type MenuItem } from '../common/MenuButton';
import { replaceScript, scenarioReplacement } from './replace';

export const OWN = '(your script)';

/** Load a library scenario (asking first when the user's own text would be replaced). */
export function loadScenario(id: string): Promise<boolean> {
  if (id === OWN) {
    const draft = useEditor.getState().draft ?? '';
    return replaceScript({ source: draft, scenarioId: null, tunables: {}, label: 'your script' });
  }
  const r = scenarioReplacement(id);
  return r ? replaceScript(r) : Promise.resolve(false);
}

/** Is the open scenario run with other tunables (or another environment) than its own? */
export function scenarioModified(): boolean {
  const { scenarioId } = useEditor.getState();
  const sc = scenarioById(scenarioId);
  const o = useOptions.getState();
  return (
    sc !== undefined &&
    (JSON.stringify(sc.tunables ?? {}) !== JSON.stringify(o.tunables) ||
      (sc.env !== undefined && !sameEnv(sc.env, o.env)))
  );
}

/** The scenario library as a menu: "(your script)" first when there is one, then the groups. */
export function ScenarioPicker(): React.JSX.Element {
  const id = useEditor((s) => s.scenarioId);
  const hasDraft = useEditor((s) => s.draft !== null && s.draft.trim() !== '');
  useOptions((s) => s.tunables);
  const sc = scenarioById(id);
  const items: MenuItem[] = [];
  if (hasDraft || id === null) items.push({ id: OWN, label: OWN, checked: id === null });
  for (const s of SCENARIOS)
    items.push({ id: s.id, label: `${s.seed ? '★ ' : ''}${s.title}`, group: s.group, checked: s.id === id });
  const text = sc ? `${sc.title}${scenarioModified() ? ' (modified)' : ''}` : OWN;
  return (
    <div className="scenario">
      <span className="scenario-label" aria-hidden="true">
        Scenario
      </span>
      <MenuButton
        label={`Scenario: ${text}`}
        text={<span className="scenario-title">{text}</span>}
        items={items}
        onSelect={(v) => void loadScenario(v)}
        testId="scenario"
      />
    </div>
  );
}
