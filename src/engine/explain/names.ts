import { EventKind } from '../trace/events';
import { bytes } from './format';
import type { EventWindow } from './layers';
import type { OwnerAnswer, Unbound } from './owners';
import { capitalize, heldBy, linked, placeOf } from './phrases';
import type { Sentence, SentencePart } from './types';

/** Did the step give any memory back to an allocator or the kernel? */
export function freedAnything(ev: EventWindow | null): boolean {
  if (!ev) return false;
  for (let i = ev.from; i < ev.to; i++) {
    const k = ev.kind[i];
    if ((k === EventKind.Free && ev.addr.get(i) !== 0) || k === EventKind.PyFree || k === EventKind.Munmap)
      return true;
  }
  return false;
}

/**
 * `del a` removes a name, not an object: the object goes only with its last reference. For each
 * name the step deleted or rebound whose object lives on, say who still refers to it and what
 * memory that keeps ("del a freed nothing: a (an ndarray of 10,000,000 int64) is still referenced
 * as the base of the view v, so its 76 MB data buffer (a glibc mmap) stays").
 */
export function explainUnbound(answer: OwnerAnswer | null, ev: EventWindow | null): Sentence[] {
  if (!answer || answer.unbound.length === 0) return [];
  const nothing = !freedAnything(ev);
  return answer.unbound.map((u, i) => ({ id: `name-kept-${i}`, parts: unboundParts(u, nothing) }));
}

function unboundParts(u: Unbound, freedNothing: boolean): SentencePart[] {
  // The fine mode can stop inside the object's teardown: its count is 0 and CPython is freeing it.
  if (u.refcnt <= 0)
    return [
      linked(`${u.name} (${u.what})`, u.object),
      ` is being deallocated: its reference count reached 0 in this statement, so CPython frees what it holds (its items first, each freed the same way when its own count drops to 0), then its ${u.memory && !u.memory.role.endsWith(' object') ? u.memory.role : 'memory'}, then the object itself.`,
    ];
  // `del a` is code and keeps its case at the start of a sentence.
  const verb = u.rebound ? `rebinding ${u.name}` : `del ${u.name}`;
  const lead = freedNothing ? `${u.rebound ? capitalize(verb) : verb} freed nothing: ` : `After ${verb}, `;
  const subject = u.rebound ? `the object ${u.name} named (${u.what})` : `${u.name} (${u.what})`;
  const held = heldBy(u.holders);
  const parts: SentencePart[] = [lead, linked(subject, u.object)];
  if (held.length > 0) parts.push(' is still referenced ', ...held);
  else parts.push(` still has ${u.refcnt.toLocaleString('en-US')} reference${u.refcnt === 1 ? '' : 's'}`);
  const m = u.memory;
  if (m && !m.role.endsWith(' object'))
    parts.push(', so its ', linked(`${bytes(m.bytes)} ${m.role}`, m.ref), ` (${placeOf(m.ref)}) stays.`);
  else if (m) parts.push(` and keeps its `, linked(bytes(m.bytes), m.ref), ` (${placeOf(m.ref)}).`);
  else parts.push('.');
  return parts;
}
