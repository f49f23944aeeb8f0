import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  DEFAULT_ENV,
  ENV_PRESETS,
  MAX_COMPARE,
  PYTHON_VERSIONS,
  RUNNABLE_PYTHONS,
  envKey,
  envLabel,
  presetOf,
  type EnvSpec,
} from '../../protocol/environment';
import { useComparison } from '../../store/comparison';
import { useOptions } from '../../store/options';
import { useDismiss } from '../common/useDismiss';
import { runToEnd } from '../shell/actions';
import { runIsCurrent } from '../shell/sync';

/** Offered first: the other C libraries. */
const DEFAULT_OTHERS = ['glibc', 'jemalloc', 'mimalloc'];

interface Choice {
  env: EnvSpec;
  label: string;
  note: string;
  /** Why it cannot be chosen (a version this build does not simulate), or null. */
  disabled: string | null;
}

/** What the picker offers: the page's environment first, then the presets, then the other versions. */
function choicesFor(pageEnv: EnvSpec): Choice[] {
  const out: Choice[] = [
    { env: pageEnv, label: `This page’s environment: ${envLabel(pageEnv)}`, note: '', disabled: null },
  ];
  for (const p of ENV_PRESETS) {
    const env = { python: pageEnv.python, vars: p.vars };
    if (envKey(env) !== envKey(pageEnv)) out.push({ env, label: p.label, note: p.note, disabled: null });
  }
  for (const v of PYTHON_VERSIONS)
    if (v !== pageEnv.python) {
      const env = { python: v, vars: pageEnv.vars };
      out.push({
        env,
        label: `CPython ${v}, ${envLabel({ ...DEFAULT_ENV, vars: pageEnv.vars })}`,
        note: 'The same script on another interpreter version.',
        disabled: RUNNABLE_PYTHONS.includes(v) ? null : 'not simulated by this build yet',
      });
    }
  return out;
}

/**
 * "Compare": pick two to four environments (the page's own, the presets, other Python versions);
 * the script then runs in each, side by side, with one timeline, one answer and each one's views.
 * The share link carries the choice. "Stop comparing" goes back to the one run.
 */
export function CompareButton(): React.JSX.Element {
  const envs = useComparison((s) => s.envs);
  const pageEnv = useOptions((s) => s.env);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const root = useRef<HTMLDivElement | null>(null);
  const panel = useRef<HTMLDivElement | null>(null);
  const id = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close, panel);
  const choices = choicesFor(pageEnv);
  useEffect(() => {
    if (!open) return;
    const now = useComparison.getState().envs;
    // Start from the comparison shown, else the page's environment and the other two allocators.
    const first = [
      choices[0],
      ...choices.slice(1).filter((c) => DEFAULT_OTHERS.includes(presetOf(c.env.vars)?.id ?? '')),
    ].filter((c) => !c.disabled);
    setPicked(now ? now.map(envKey) : first.slice(0, 3).map((c) => envKey(c.env)));
  }, [open]);
  const known = new Set(choices.map((c) => envKey(c.env)));
  // Environments of a link that the list does not offer stay listed, so they can be kept or dropped.
  const extra: Choice[] = (envs ?? [])
    .filter((e) => !known.has(envKey(e)))
    .map((e) => ({ env: e, label: envLabel(e), note: '', disabled: null }));
  const all = [...choices, ...extra];
  const toggle = (k: string): void =>
    setPicked((p) => (p.includes(k) ? p.filter((x) => x !== k) : p.length < MAX_COMPARE ? [...p, k] : p));
  const start = (): void => {
    const chosen = all.filter((c) => picked.includes(envKey(c.env))).map((c) => c.env);
    useComparison.getState().setEnvs(chosen);
    setOpen(false);
    if (!runIsCurrent()) runToEnd();
  };
  const drawer = typeof document !== 'undefined' ? document.getElementById('drawer') : null;
  return (
    <div className="options compare-picker" ref={root}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="compare"
        aria-pressed={envs !== null}
      >
        {envs ? `Comparing ${envs.length}` : 'Compare'} <span aria-hidden="true">▾</span>
      </button>
      {open &&
        drawer &&
        createPortal(
          <div
            className="drawer-panel options-panel compare-panel"
            id={id}
            role="group"
            aria-label="Compare environments"
            ref={panel}
          >
            <p className="muted">
              Run the script in two to four environments side by side: which one gives the memory back, and
              why.
            </p>
            <fieldset>
              <legend>
                Environments{' '}
                <span className="muted">
                  ({picked.length} of at most {MAX_COMPARE})
                </span>
              </legend>
              {all.map((c) => {
                const k = envKey(c.env);
                const on = picked.includes(k);
                return (
                  <label key={k} className="compare-choice" title={c.note || undefined}>
                    <input
                      type="checkbox"
                      checked={on}
                      disabled={c.disabled !== null || (!on && picked.length >= MAX_COMPARE)}
                      onChange={() => toggle(k)}
                    />{' '}
                    {c.label}
                    {c.disabled && <span className="muted"> ({c.disabled})</span>}
                  </label>
                );
              })}
            </fieldset>
            <div className="row">
              <button type="button" className="primary" disabled={picked.length < 2} onClick={start}>
                Compare {picked.length >= 2 ? picked.length : ''}
              </button>
              {envs && (
                <button
                  type="button"
                  onClick={() => {
                    useComparison.getState().setEnvs(null);
                    setOpen(false);
                  }}
                >
                  Stop comparing
                </button>
              )}
              <button type="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </div>,
          drawer,
        )}
    </div>
  );
}
