import type { Holder, HolderRole, NounCount } from './owners';
import type { MemoryRef, SentencePart } from './types';

/**
 * How each kind of holder refers to the object, in the order sentences list them: the words for
 * one holder, for several, and for one holder of several objects ("as items of the list keep").
 */
const VIA: [HolderRole, string, string, string][] = [
  ['name', 'by the name ', 'by the names ', 'by the name '],
  ['base', 'as the base of ', 'as the base of ', 'as the base of '],
  ['item', 'as an item of ', 'as an item of ', 'as items of '],
  ['ref', 'by ', 'by ', 'by '],
];

export const linked = (text: string, ref: MemoryRef | undefined | null): SentencePart =>
  ref ? { text, ref } : text;

/** "a, b and c" over sentence parts. */
export function listParts(items: SentencePart[]): SentencePart[] {
  const out: SentencePart[] = [];
  items.forEach((p, i) => {
    if (i > 0) out.push(i === items.length - 1 ? ' and ' : ', ');
    out.push(p);
  });
  return out;
}

/**
 * "by the name a and as the base of the view v": who keeps an object alive, each holder linked to
 * its memory. Empty when there are no holders.
 */
export function heldBy(holders: readonly Holder[], severalObjects = false): SentencePart[] {
  const groups: SentencePart[][] = [];
  for (const [role, one, many, ofSeveral] of VIA) {
    const hs = holders.filter((h) => h.role === role);
    if (hs.length === 0) continue;
    const via = hs.length > 1 ? many : severalObjects ? ofSeveral : one;
    groups.push([via, ...listParts(hs.map((h) => linked(h.text, h.ref)))]);
  }
  const out: SentencePart[] = [];
  groups.forEach((g, i) => {
    if (i > 0) out.push(' and ');
    out.push(...g);
  });
  return out;
}

export const nounCount = (c: NounCount): string =>
  `${c.count.toLocaleString('en-US')} ${c.count === 1 ? c.one : c.many}`;

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Where a piece of memory lives, as the sentences say it. */
export function placeOf(ref: MemoryRef): string {
  switch (ref.kind) {
    case 'mmappedChunk':
      return 'a glibc mmap';
    case 'chunk':
      return 'a heap chunk';
    case 'block':
      return 'a pymalloc block';
    default:
      return 'memory';
  }
}
