import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * Static objects at their real addresses (staticids.ts): hash(None) (pointer-based on 3.11, a
 * constant from 3.12), hash(Ellipsis), hash(NotImplemented), type objects' hashes, and so the
 * order sets and dicts of them print in. Expected: what each real interpreter printed for SCRIPT
 * with PYTHONHASHSEED=0 and ASLR off (`setarch -R`), as the recorder runs it.
 */
const SCRIPT = [
  'print(hash(None), hash(...), hash(NotImplemented), hash(int), hash(type(None)))',
  "print({None, 1, 'a', ..., 2.5, NotImplemented})",
  'print({int, str, float, list, dict, tuple, type(None), bytes, set, object, type})',
  "print(list({None: 0, str: 1, 'k': 2, Ellipsis: 3, 7: 4, frozenset: 5}))",
].join('\n');

const types = (names: string): string =>
  '{' +
  names
    .split(' ')
    .map((n) => `<class '${n}'>`)
    .join(', ') +
  '}';
const LAST = "[None, <class 'str'>, 'k', Ellipsis, 7, <class 'frozenset'>]";

const REAL = {
  'cpython-3.11.7': [
    '8796084526014 8796084526566 8796084525987 8796084525006 8796084526016',
    "{1, 2.5, NotImplemented, Ellipsis, 'a', None}",
    types('float NoneType set type bytes str object dict int list tuple'),
    LAST,
  ],
  'cpython-3.12.1': [
    '4238894112 8796084461362 8796084460841 8796084459702 8796084460870',
    "{None, 1, 2.5, NotImplemented, Ellipsis, 'a'}",
    types('object str list bytes set NoneType dict tuple type int float'),
    LAST,
  ],
  'cpython-3.13.0': [
    '4238894112 8796084438984 8796084438110 8796084436964 8796084438140',
    "{None, 1, 2.5, Ellipsis, 'a', NotImplemented}",
    types('tuple dict int object float list type bytes set NoneType str'),
    LAST,
  ],
  'debian-3.11.2': [
    '612812 608122 608123 612556 609062',
    "{1, 2.5, None, 'a', Ellipsis, NotImplemented}",
    types('list NoneType set type int float bytes str tuple object dict'),
    LAST,
  ],
} as const;

describe('static objects hash and order as in the real binaries', () => {
  for (const [profile, lines] of Object.entries(REAL)) {
    it(profile, () => {
      const r = runScript(SCRIPT, { profile: profile as keyof typeof REAL });
      expect(r.error ?? null).toBeNull();
      expect(r.output).toBe(lines.join('\n') + '\n');
    });
  }
});
