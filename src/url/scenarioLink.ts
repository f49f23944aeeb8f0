/**
 * Readable links to a library scenario: `#scenario=NAME`, with `&step=N` (after N statements) or
 * `&event=E` (the fine mode). For docs and blog posts; the page also writes this form while an
 * unmodified library scenario is open. Never throws.
 */
export interface ScenarioLink {
  scenario: string;
  mode: 'statement' | 'event';
  statement: number;
  event: number;
}

export type ScenarioLinkResult = { ok: true; link: ScenarioLink } | { ok: false; reason: string } | null;

const NAT = /^\d{1,15}$/;

/** null: not this form of link. */
export function decodeScenarioLink(hash: string, known: (id: string) => boolean): ScenarioLinkResult {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith('scenario=')) return null;
  const params = new URLSearchParams(h);
  const name = params.get('scenario') ?? '';
  if (!known(name))
    return { ok: false, reason: `There is no scenario named “${name.slice(0, 60)}” in the library.` };
  const step = params.get('step');
  const event = params.get('event');
  if (step !== null && !NAT.test(step))
    return { ok: false, reason: 'The link’s step is not a whole number.' };
  if (event !== null && !NAT.test(event))
    return { ok: false, reason: 'The link’s event is not a whole number.' };
  return {
    ok: true,
    link: {
      scenario: name,
      mode: event !== null ? 'event' : 'statement',
      statement: step !== null ? Number(step) : 0,
      event: event !== null ? Number(event) : 0,
    },
  };
}

export function encodeScenarioLink(l: ScenarioLink): string {
  const where = l.mode === 'event' ? `event=${l.event}` : `step=${l.statement}`;
  return `#scenario=${encodeURIComponent(l.scenario)}&${where}`;
}
