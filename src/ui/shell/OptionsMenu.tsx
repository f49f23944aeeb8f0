import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EnvCheck } from '../../client/envCheck';
import { ENV_PRESETS, envWords, parseEnvText, presetOf, sameEnv } from '../../protocol/environment';
import { useOptions } from '../../store/options';
import { useDismiss } from '../common/useDismiss';
import { libcOfVars } from '../views';
import { TunableFields } from './TunableFields';

type Checker = (vars: Record<string, string>) => EnvCheck;

/** The environment button's words: the preset's name, or the variables' names. */
export function envSummary(vars: Record<string, string>, tunables: number): string {
  const p = presetOf(vars);
  // Not a preset: the C library the variables select, then their names.
  const name = p ? p.label : `${libcOfVars(vars)} (${Object.keys(vars).sort().join(' ')})`;
  return `${name}${tunables > 0 ? ` · ${tunables} tunable${tunables > 1 ? 's' : ''} set` : ''}`;
}

/**
 * The environment the script runs in, in the words of production: presets for the common ones
 * (jemalloc, mimalloc, their purge settings, MALLOC_ARENA_MAX, tcache off, PYTHONMALLOC=malloc) and
 * the variables themselves (`LD_PRELOAD=libjemalloc.so.2`, `MALLOC_CONF=…`), judged as the engine
 * judges them (its own messages); glibc's tunables as fields when glibc is the allocator. A change
 * marks the views out of date until Run. Closes on Esc or a click outside.
 */
export function OptionsMenu(): React.JSX.Element {
  const env = useOptions((s) => s.env);
  const t = useOptions((s) => s.tunables);
  const [open, setOpen] = useState(false);
  const [text, setTextState] = useState('');
  // the text as typed, for the checker that loads after the panel opens (a fast typist, or a busy
  // machine, fills the field before envCheck's chunk arrives: it must judge what is there then)
  const typed = useRef('');
  const setText = (t: string): void => {
    typed.current = t;
    setTextState(t);
  };
  const [problems, setProblems] = useState<string[]>([]);
  const [check, setCheck] = useState<EnvCheck | null>(null);
  const checker = useRef<Checker | null>(null);
  const root = useRef<HTMLDivElement | null>(null);
  const panel = useRef<HTMLDivElement | null>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close, panel);
  const drawer = typeof document !== 'undefined' ? document.getElementById('drawer') : null;

  const judge = (t: string): void => {
    const { vars, problems } = parseEnvText(t);
    setProblems(problems);
    const c = checker.current ? checker.current(vars) : null;
    setCheck(c);
    if (problems.length === 0 && (!c || c.error === null)) {
      const cur = useOptions.getState().env;
      if (!sameEnv(cur, { ...cur, vars })) useOptions.getState().setEnv({ ...cur, vars });
    }
  };
  useEffect(() => {
    if (!open) return;
    const t0 = envWords(useOptions.getState().env.vars).join('\n');
    setText(t0);
    setProblems([]);
    let live = true;
    // The engine's allocators load only when the panel opens (the page does not need them to draw).
    void import('../../client/envCheck').then((m) => {
      if (!live) return;
      checker.current = m.checkEnvironment;
      judge(typed.current);
    });
    return () => {
      live = false;
    };
  }, [open]);

  const choose = (vars: Record<string, string>): void => {
    const t0 = envWords(vars).join('\n');
    setText(t0);
    judge(t0);
  };
  const n = Object.keys(t).length;
  const current = presetOf(env.vars);
  const glibc = libcOfVars(env.vars) === 'glibc';
  const error = problems.length > 0 ? problems.join('; ') : (check?.error ?? null);
  return (
    <div className="options" ref={root}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="environment"
      >
        {envSummary(env.vars, n)} <span aria-hidden="true">▾</span>
      </button>
      {open &&
        drawer &&
        createPortal(
          <div
            className="drawer-panel options-panel"
            id={panelId}
            role="group"
            aria-label="Environment"
            ref={panel}
          >
            <p className="muted">
              The process’s environment, as you would set it in production. Simulated: CPython {env.python} on
              x86-64 Linux, {check?.libc ?? 'glibc 2.36'}.
            </p>
            <h3 id={`${panelId}-presets`}>Presets</h3>
            <div className="presets" role="group" aria-labelledby={`${panelId}-presets`}>
              {ENV_PRESETS.map((p) => (
                <button
                  type="button"
                  key={p.id}
                  aria-pressed={current?.id === p.id}
                  title={p.note}
                  onClick={() => choose(p.vars)}
                  data-preset={p.id}
                >
                  {p.label}
                </button>
              ))}
            </div>
            {current && <p className="help">{current.note}</p>}
            <div className="field">
              <label htmlFor={`${panelId}-vars`}>
                Variables <span className="muted">(NAME=VALUE, one a line)</span>
              </label>
              <textarea
                id={`${panelId}-vars`}
                rows={3}
                spellCheck={false}
                value={text}
                placeholder="LD_PRELOAD=libjemalloc.so.2&#10;MALLOC_CONF=dirty_decay_ms:0,muzzy_decay_ms:0"
                aria-invalid={error !== null}
                aria-describedby={`${panelId}-vars-help${error ? ` ${panelId}-vars-err` : ''}`}
                onChange={(e) => {
                  setText(e.target.value);
                  judge(e.target.value);
                }}
              />
              <p className="help" id={`${panelId}-vars-help`}>
                LD_PRELOAD (libjemalloc.so.2, libmimalloc.so.2), MALLOC_CONF, MIMALLOC_*, GLIBC_TUNABLES,
                MALLOC_ARENA_MAX and the other MALLOC_*_ variables, PYTHONMALLOC.
              </p>
              {error && (
                <p className="invalid" id={`${panelId}-vars-err`} role="alert">
                  {error}. The last valid environment is kept.
                </p>
              )}
              {check && check.warnings.length > 0 && (
                <ul className="warnings" aria-label="What the process would say">
                  {check.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </div>
            {glibc && (
              <>
                <h3>glibc malloc tunables</h3>
                <TunableFields idBase={panelId} />
              </>
            )}
            <div className="row">
              <button
                type="button"
                disabled={n === 0 && Object.keys(env.vars).length === 0}
                onClick={() => {
                  useOptions.getState().setTunables({});
                  choose({});
                }}
              >
                Reset to the defaults
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                Done
              </button>
            </div>
          </div>,
          drawer,
        )}
    </div>
  );
}
