import { useState } from 'react';
import type { TunableOptions } from '../../protocol/messages';
import { useOptions } from '../../store/options';

interface Field {
  key: keyof TunableOptions;
  name: string;
  unit: string;
  max: number;
  placeholder: string;
  help: string;
}

/** glibc 2.36's malloc tunables the simulator models (malloc/malloc.c, manual/tunables.texi). */
export const FIELDS: Field[] = [
  {
    key: 'tcacheCount',
    name: 'tcache_count',
    unit: 'chunks',
    max: 65535,
    placeholder: '7',
    help: 'Freed chunks each tcache bin keeps for reuse (MAX_TCACHE_COUNT 65,535). 0 turns tcache off.',
  },
  {
    key: 'mmapThreshold',
    name: 'mmap_threshold',
    unit: 'bytes',
    max: Number.MAX_SAFE_INTEGER,
    placeholder: '131072, dynamic',
    help: 'Requests this big or bigger get their own mmap. Setting it fixes it; by default it starts at 128 KiB and rises (to 32 MiB at most) when an mmapped chunk is freed.',
  },
  {
    key: 'trimThreshold',
    name: 'trim_threshold',
    unit: 'bytes',
    max: Number.MAX_SAFE_INTEGER,
    placeholder: '131072, dynamic',
    help: 'free() gives the top of the heap back (moves the break down) only once the top chunk is bigger than this. By default it is twice the dynamic mmap threshold.',
  },
  {
    key: 'topPad',
    name: 'top_pad',
    unit: 'bytes',
    max: Number.MAX_SAFE_INTEGER,
    placeholder: '131072',
    help: 'Extra bytes asked of brk each time the heap grows, and kept when it is trimmed.',
  },
];

/** Why a typed value cannot be used, or null when it can. */
export function tunableError(f: Pick<Field, 'max' | 'unit'>, text: string): string | null {
  if (text.trim() === '') return null;
  if (!/^\d+$/.test(text.trim())) return `A whole number of ${f.unit}, 0 or more.`;
  const v = Number(text);
  if (!Number.isSafeInteger(v) || v > f.max) return `At most ${f.max.toLocaleString('en-US')} ${f.unit}.`;
  return null;
}

/**
 * glibc's tunables as fields with units (GLIBC_TUNABLES=glibc.malloc.*, applied on top of the
 * variables): a changed value marks the views out of date until Run; a bad one is said and the
 * last valid value kept.
 */
export function TunableFields({ idBase }: { idBase: string }): React.JSX.Element {
  const t = useOptions((s) => s.tunables);
  const [drafts, setDrafts] = useState<Partial<Record<keyof TunableOptions, string>>>({});
  const set = (f: Field, text: string): void => {
    setDrafts((d) => ({ ...d, [f.key]: text }));
    if (tunableError(f, text) !== null) return;
    const next = { ...useOptions.getState().tunables };
    if (text.trim() === '') delete next[f.key];
    else next[f.key] = Number(text);
    useOptions.getState().setTunables(next);
  };
  return (
    <>
      {FIELDS.map((f) => {
        const text = drafts[f.key] ?? (t[f.key] !== undefined ? String(t[f.key]) : '');
        const err = tunableError(f, text);
        const id = `${idBase}-${f.key}`;
        return (
          <div className="field" key={f.key}>
            <label htmlFor={id}>
              <code>{f.name}</code>
            </label>
            <span className="input-unit">
              <input
                id={id}
                inputMode="numeric"
                value={text}
                placeholder={f.placeholder}
                aria-invalid={err !== null}
                aria-describedby={`${id}-help${err ? ` ${id}-err` : ''}`}
                onChange={(e) => set(f, e.target.value)}
              />
              <span className="unit">{f.unit}</span>
            </span>
            <p className="help" id={`${id}-help`}>
              {f.help}
            </p>
            {err && (
              <p className="invalid" id={`${id}-err`} role="alert">
                {err} The last valid value is kept.
              </p>
            )}
          </div>
        );
      })}
    </>
  );
}
