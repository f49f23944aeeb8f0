import { useId } from 'react';
import { PYTHON_VERSIONS, RUNNABLE_PYTHONS, isPythonVersion } from '../../protocol/environment';
import { useOptions } from '../../store/options';

/**
 * The interpreter's version, beside the scenario: the versions the engine of this build runs are
 * offered, the others are listed disabled. A link that names one of those opens with it and the run
 * says the engine's message.
 */
export function VersionPicker(): React.JSX.Element {
  const python = useOptions((s) => s.env.python);
  const id = useId();
  return (
    <span className="version-picker">
      <label htmlFor={id}>Python</label>
      <select
        id={id}
        value={python}
        data-testid="python-version"
        onChange={(e) => {
          const v = e.target.value;
          if (!isPythonVersion(v)) return;
          const env = useOptions.getState().env;
          useOptions.getState().setEnv({ ...env, python: v });
        }}
      >
        {PYTHON_VERSIONS.map((v) => {
          const runs = RUNNABLE_PYTHONS.includes(v);
          return (
            <option key={v} value={v} disabled={!runs && v !== python}>
              {v}
              {runs ? '' : ' (not simulated yet)'}
            </option>
          );
        })}
      </select>
    </span>
  );
}
