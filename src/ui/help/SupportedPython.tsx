import { SUPPORTED_PYTHON } from './supportedPython';

/** What Python runs here, folded beside the editor. */
export function SupportedPython(): React.JSX.Element {
  return (
    <details className="supported">
      <summary>What Python runs here</summary>
      {SUPPORTED_PYTHON.map((g) => (
        <div key={g.title}>
          <h3>{g.title}</h3>
          <ul>
            {g.items.map((it) => (
              <li key={it}>{it}</li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
