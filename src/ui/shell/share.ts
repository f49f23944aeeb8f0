import { useRun } from '../../client/runStore';
import { DEFAULT_SCENARIO, scenarioById } from '../../scenarios';
import { useEditor } from '../../store/editor';
import { useNotice } from '../../store/notice';
import { useOptions } from '../../store/options';
import { usePlayhead } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { decodeScenarioLink, encodeScenarioLink } from '../../url/scenarioLink';
import {
  decodeShare,
  encodeShare,
  type ShareEnv,
  type ShareState,
  type ShareView,
} from '../../url/shareCodec';
import { DEFAULT_ENV, envKey, isPythonVersion, sameEnv, type EnvSpec } from '../../protocol/environment';
import { useComparison } from '../../store/comparison';
import { apply, replaceScript, scenarioReplacement, type Replacement } from './replace';

/** The state a share link captures: script, options and the position on screen. */
export function currentShareState(): ShareState {
  const p = usePlayhead.getState();
  const shown = useRun.getState().shown;
  return {
    source: useEditor.getState().source,
    scenarioId: useEditor.getState().scenarioId,
    tunables: useOptions.getState().tunables,
    mode: p.mode,
    // Past the end (Run before the first pass ended) is written as the statement reached.
    statement:
      p.mode === 'statement' && shown && shown.event === null
        ? Math.min(p.statement, shown.statement)
        : p.statement,
    event: p.event,
    view: currentView(),
    ...envPart(),
  };
}

/** The environment, written only when it is not the default; the compared ones while comparing. */
function envPart(): Pick<ShareState, 'env' | 'compare'> {
  const env = useOptions.getState().env;
  const compare = useComparison.getState().envs;
  return {
    ...(sameEnv(env, DEFAULT_ENV) ? {} : { env: { python: env.python, vars: env.vars } }),
    ...(compare ? { compare: compare.map((e) => ({ python: e.python, vars: e.vars })) } : {}),
  };
}

/**
 * An environment from a link. A version this page does not know (a later page's link) opens as
 * the default version, and the notice says so.
 */
function envOf(e: ShareEnv | undefined, unknown: string[]): EnvSpec {
  const python = e?.python ?? DEFAULT_ENV.python;
  if (!isPythonVersion(python)) unknown.push(python);
  return { python: isPythonVersion(python) ? python : DEFAULT_ENV.python, vars: { ...(e?.vars ?? {}) } };
}

function currentView(): ShareView {
  const v = useViewport.getState();
  const selected = useSelection.getState().selected;
  const view: ShareView = {};
  if (v.heapZoom.k !== 1 || v.heapZoom.x !== 0) view.heapZoom = v.heapZoom;
  if (v.mapZoom.k !== 1 || v.mapZoom.x !== 0) view.mapZoom = v.mapZoom;
  if (v.timelineDomain) view.timelineDomain = v.timelineDomain;
  if (selected) view.selected = { ...selected };
  if (v.openPool !== null) view.openPool = v.openPool;
  return view;
}

/**
 * The hash for the state on screen: a readable `#scenario=NAME&step=N` while a library scenario is
 * open as shipped (no edits, its own tunables, nothing zoomed or selected), else a full `#v2/` link.
 */
export function currentHash(): string {
  const s = currentShareState();
  const sc = s.scenarioId ? scenarioById(s.scenarioId) : undefined;
  const plain =
    sc &&
    sc.source === s.source &&
    JSON.stringify(sc.tunables ?? {}) === JSON.stringify(s.tunables) &&
    sameEnv(sc.env ?? DEFAULT_ENV, useOptions.getState().env) &&
    sameEnvs(s.compare, sc.compare) &&
    Object.keys(s.view ?? {}).length === 0;
  return plain
    ? encodeScenarioLink({ scenario: sc.id, mode: s.mode, statement: s.statement, event: s.event })
    : encodeShare(s);
}

export function shareUrl(): string {
  return `${location.origin}${location.pathname}${location.search}${currentHash()}`;
}

/** The same comparison (or none on both sides). */
const sameEnvs = (a: readonly ShareEnv[] | undefined, b: readonly EnvSpec[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length &&
  (a ?? []).every(
    (e, i) =>
      envKey({ python: (e.python ?? '3.11') as EnvSpec['python'], vars: e.vars ?? {} }) === envKey(b![i]),
  );

type Decoded = { ok: true; r: Replacement } | { ok: false; reason: string } | { ok: 'empty' };

function decodeHash(hash: string): Decoded {
  const named = decodeScenarioLink(hash, (id) => scenarioById(id) !== undefined);
  if (named) {
    if (named.ok === false) return named;
    const l = named.link;
    const r = scenarioReplacement(l.scenario)!;
    return { ok: true, r: { ...r, position: { mode: l.mode, statement: l.statement, event: l.event } } };
  }
  const d = decodeShare(hash);
  if (d.ok !== true) return d.ok === 'empty' ? { ok: 'empty' } : d;
  const s = d.state;
  const sc = s.scenarioId ? scenarioById(s.scenarioId) : undefined;
  const unknown: string[] = [];
  const env = envOf(s.env, unknown);
  const compare = s.compare ? s.compare.map((e) => envOf(e, unknown)) : null;
  return {
    ok: true,
    r: {
      source: s.source,
      // A scenario id is kept only while the text is still that scenario's.
      scenarioId: sc && sc.source === s.source ? sc.id : null,
      tunables: s.tunables,
      env,
      compare,
      label: 'the shared link',
      position: { mode: s.mode, statement: s.statement, event: s.event },
      view: s.view,
      unknownVersions: unknown,
    },
  };
}

/**
 * Open the page: a valid link restores script, options and position; otherwise the user's own
 * script comes back when there is one, else the default scenario. A bad link is said, not hidden.
 */
export function openFromHash(hash: string): void {
  const d = decodeHash(hash);
  if (d.ok === true) {
    apply(d.r);
    return;
  }
  if (d.ok === false)
    useNotice.getState().show({ tone: 'error', text: `${d.reason} Nothing was loaded from it.` });
  const draft = useEditor.getState().draft;
  if (draft !== null && draft.trim() !== '')
    apply({ source: draft, scenarioId: null, tunables: {}, label: 'your script' });
  else apply(scenarioReplacement(DEFAULT_SCENARIO.id)!);
}

/** A link pasted into the address bar of the open page: asks before replacing the user's text. */
export async function followHashChange(hash: string): Promise<void> {
  if (hash === lastWritten) return;
  const d = decodeHash(hash);
  if (d.ok === true) {
    if (!(await replaceScript(d.r))) writeHash();
    return;
  }
  // A bad hash leaves the editor alone.
  if (d.ok === false)
    useNotice.getState().show({ tone: 'error', text: `${d.reason} The page was left as it was.` });
  writeHash();
}

let lastWritten = '';
let timer: ReturnType<typeof setTimeout> | null = null;

/** Write the state on screen into the URL (no history entry): Reload and Back keep the place. */
export function writeHash(): void {
  const h = currentHash();
  if (h === lastWritten && location.hash === h) return;
  lastWritten = h;
  history.replaceState(history.state, '', h);
}

/** The URL follows the position, the script and the view, at most every 250 ms. */
export function startUrlFollow(): () => void {
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(writeHash, 250);
  };
  const subs = [
    usePlayhead.subscribe(later),
    useEditor.subscribe(later),
    useOptions.subscribe(later),
    useComparison.subscribe(later),
    useViewport.subscribe(later),
    useSelection.subscribe(later),
    useRun.subscribe((r, prev) => r.shown !== prev.shown && later()),
  ];
  return () => {
    if (timer) clearTimeout(timer);
    for (const u of subs) u();
  };
}
