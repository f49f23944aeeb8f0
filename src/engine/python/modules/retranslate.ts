/**
 * Python's regular-expression syntax (Lib/re/_parser.py, 3.11) translated to an equivalent
 * JavaScript RegExp (the 'v' flag: Unicode sets), for the syntax people use; anything whose
 * meaning differs and that is not translated is refused with what it is. Differences handled:
 *  - `.` excludes only '\n' (JS also \r, \u2028, \u2029); DOTALL makes it any character.
 *  - `$` (no MULTILINE) matches at the end or before a final '\n'; `\A`, `\Z`.
 *  - `\d \w \s \b` are Unicode-aware for str patterns (JS's are ASCII): \d = Nd, \w = letters,
 *    numbers and '_', \s = Python's whitespace set; ASCII flag keeps them ASCII.
 *  - `(?P<name>…)`, `(?P=name)`; inline flags at the start (`(?i)`, `(?m)`, `(?s)`, `(?x)`, `(?a)`);
 *    VERBOSE's whitespace and comments; a `{` that is not a repeat is a literal.
 * Scoped inline flags: s and m (`(?s:…)`, as fnmatch.translate writes); i, a, x only where global.
 * Refused: atomic groups and possessive repeats, conditionals, other scoped flags, \N{…}.
 */
export const FLAGS = { I: 2, L: 4, M: 8, S: 16, U: 32, X: 64, A: 256 } as const;

export class RegexUnsupported extends Error {}
export class RegexSyntax extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

export interface Translated {
  source: string;
  flags: string;
  groups: number;
  groupIndex: Map<string, number>;
  /** parents[g]: the capturing group that lexically encloses group g (0: none); index 0 unused. */
  parents: number[];
  pyFlags: number;
}

const W_UNI = '\\p{L}\\p{N}_';
const S_UNI =
  ' \\t\\n\\r\\f\\v\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

export function translate(pattern: string, flagsIn: number): Translated {
  let flags = flagsIn;
  let i = 0;
  // leading inline flags: (?aiLmsux)
  for (;;) {
    const m = /^\(\?([aiLmsux]+)\)/.exec(pattern.slice(i));
    if (!m) break;
    for (const c of m[1])
      flags |= { a: FLAGS.A, i: FLAGS.I, L: FLAGS.L, m: FLAGS.M, s: FLAGS.S, u: FLAGS.U, x: FLAGS.X }[c]!;
    i += m[0].length;
  }
  const ascii = (flags & FLAGS.A) !== 0;
  const verbose = (flags & FLAGS.X) !== 0;
  let dotall = (flags & FLAGS.S) !== 0;
  let multiline = (flags & FLAGS.M) !== 0;
  // scoped inline flags (?s:…) / (?-m:…): the [dotall, multiline] to restore at each ')' (null: none)
  const scoped: ([boolean, boolean] | null)[] = [];
  const W = ascii ? 'a-zA-Z0-9_' : W_UNI;
  const D = ascii ? '0-9' : '\\p{Nd}';
  const S = ascii ? ' \\t\\n\\r\\f\\v' : S_UNI;
  let out = '';
  let groups = 0;
  const open: number[] = [];
  const groupIndex = new Map<string, number>();
  // the capturing group each open parenthesis starts (0 for the others), for parents[]
  const capturing: number[] = [];
  const parents: number[] = [0];
  const openCapture = (): void => {
    parents[groups] = capturing.findLast((g) => g !== 0) ?? 0;
    capturing.push(groups);
  };
  const bound = `(?:(?<=[${W}])(?![${W}])|(?<![${W}])(?=[${W}]))`;
  const notBound = `(?:(?<=[${W}])(?=[${W}])|(?<![${W}])(?![${W}]))`;
  const escapeIn = (c: string, inClass: boolean): string => {
    switch (c) {
      case 'd':
        return inClass ? D : `[${D}]`;
      case 'D':
        return inClass ? `[^${D}]` : `[^${D}]`;
      case 'w':
        return inClass ? W : `[${W}]`;
      case 'W':
        return `[^${W}]`;
      case 's':
        return inClass ? S : `[${S}]`;
      case 'S':
        return `[^${S}]`;
      case 'n':
        return '\\n';
      case 't':
        return '\\t';
      case 'r':
        return '\\r';
      case 'f':
        return '\\f';
      case 'v':
        return '\\v';
      case 'a':
        return '\\x07';
      case '0':
        return '\\x00';
      default:
        if (/[.^$*+?()[\]{}|\\/]/.test(c) || (inClass && c === '-')) return '\\' + c;
        if (/[A-Za-z]/.test(c)) throw new RegexSyntax(`bad escape \\${c}`, i);
        return c;
    }
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (verbose && /\s/.test(c)) {
      i++;
      continue;
    }
    if (verbose && c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new RegexSyntax('bad escape (end of pattern)', i);
      if (n === 'A') out += '(?<![\\s\\S])';
      else if (n === 'Z') out += '(?![\\s\\S])';
      else if (n === 'b') out += bound;
      else if (n === 'B') out += notBound;
      else if (n === 'x' || n === 'u' || n === 'U') {
        const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
        const hex = pattern.slice(i + 2, i + 2 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len)
          throw new RegexSyntax(`incomplete escape \\${n}${hex}`, i);
        out += `\\u{${hex}}`;
        i += len;
      } else if (n === 'N') throw new RegexUnsupported('\\N{...} in a regular expression');
      else if (n >= '1' && n <= '9') {
        let j = i + 1;
        while (j < pattern.length && /[0-9]/.test(pattern[j]) && j < i + 3) j++;
        out += `\\${pattern.slice(i + 1, j)}`;
        i = j - 2;
      } else out += escapeIn(n, false);
      i += 2;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (pattern[j] === '^') {
        cls += '^';
        j++;
      }
      if (pattern[j] === ']') {
        cls += '\\]';
        j++;
      }
      const first = j;
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const d = pattern[j];
        // sre_parse takes a '-' first or last in a set as itself; the v flag wants it escaped there
        if (d === '-' && (j === first || pattern[j + 1] === ']')) cls += '\\-';
        else if (d === '\\') {
          const e = pattern[j + 1];
          if (e === 'W' || e === 'S' || e === 'D') cls += escapeIn(e, true);
          else if (e === 'b') cls += '\\x08';
          else cls += escapeIn(e, true);
          j++;
        } else if (d === '[' && pattern[j + 1] === ':')
          throw new RegexUnsupported('a POSIX class [: :] in a set');
        else if (/[[\]{}()/|&!#$%*+,.:;<=>?@^`~]/.test(d) && !(d === '^' && j === i + 1)) cls += '\\' + d;
        else cls += d;
      }
      if (j >= pattern.length) throw new RegexSyntax('unterminated character set', i);
      out += cls + ']';
      i = j + 1;
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] === '?') {
        const rest = pattern.slice(i + 2);
        const named = /^P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
        if (named) {
          groups++;
          groupIndex.set(named[1], groups);
          openCapture();
          out += `(?<${named[1]}>`;
          open.push(i);
          scoped.push(null);
          i += 2 + named[0].length;
          continue;
        }
        const ref = /^P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
        if (ref) {
          out += `\\k<${ref[1]}>`;
          i += 2 + ref[0].length;
          continue;
        }
        if (
          rest.startsWith(':') ||
          rest.startsWith('=') ||
          rest.startsWith('!') ||
          rest.startsWith('<=') ||
          rest.startsWith('<!')
        ) {
          const k = rest.startsWith('<') ? 2 : 1;
          out += '(?' + rest.slice(0, k);
          capturing.push(0);
          open.push(i);
          scoped.push(null);
          i += 2 + k;
          continue;
        }
        if (rest.startsWith('#')) {
          const end = pattern.indexOf(')', i);
          if (end < 0) throw new RegexSyntax('missing ), unterminated comment', i);
          i = end + 1;
          continue;
        }
        // _parser.py's scoped flags: fnmatch.translate writes (?s:…); '.', '^' and '$' are translated
        // here, so s and m change how the group's text is written; i, a, x inside only when already global
        const flagGroup = /^([aimsx]*)(?:-([imsx]+))?:/.exec(rest);
        if (flagGroup && (flagGroup[1] || flagGroup[2])) {
          const set = flagGroup[1];
          const clear = flagGroup[2] ?? '';
          for (const f of ['a', 'i', 'x'] as const) {
            const global = (flags & FLAGS[f === 'a' ? 'A' : f === 'i' ? 'I' : 'X']) !== 0;
            if ((set.includes(f) && !global) || (clear.includes(f) && global))
              throw new RegexUnsupported(`the scoped flag group (?${flagGroup[0]}…`);
          }
          scoped.push([dotall, multiline]);
          if (set.includes('s')) dotall = true;
          if (clear.includes('s')) dotall = false;
          if (set.includes('m')) multiline = true;
          if (clear.includes('m')) multiline = false;
          out += '(?:';
          capturing.push(0);
          open.push(i);
          i += 2 + flagGroup[0].length;
          continue;
        }
        if (rest.startsWith('>')) throw new RegexUnsupported('an atomic group (?>...)');
        if (rest.startsWith('(')) throw new RegexUnsupported('a conditional group (?(...)...)');
        throw new RegexUnsupported(`the group (?${rest.slice(0, 6)}…`);
      }
      groups++;
      openCapture();
      out += '(';
      open.push(i);
      scoped.push(null);
      i++;
      continue;
    }
    if (c === ')') {
      if (open.pop() === undefined) throw new RegexSyntax('unbalanced parenthesis', i);
      capturing.pop();
      const restore = scoped.pop();
      if (restore) [dotall, multiline] = restore;
      out += ')';
      i++;
      continue;
    }
    if (c === '.') out += dotall ? '[\\s\\S]' : '[^\\n]';
    else if (c === '$') out += multiline ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))';
    else if (c === '^') out += multiline ? '(?<=^|\\n)' : '(?<![\\s\\S])';
    else if (c === '{') {
      const q = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(i));
      if (q && (q[1] !== '' || q[3] !== '')) {
        const body = `{${q[1] || '0'}${q[2]}${q[3]}}`;
        i += q[0].length;
        if (pattern[i] === '+') throw new RegexUnsupported('a possessive repeat');
        out += body;
        if (pattern[i] === '?') {
          out += '?';
          i++;
        }
        continue;
      }
      out += '\\{';
    } else if (c === '}') out += '\\}';
    else if (c === '*' || c === '+' || c === '?') {
      out += c;
      if (pattern[i + 1] === '+') throw new RegexUnsupported('a possessive repeat');
    } else out += c;
    i++;
  }
  if (open.length) throw new RegexSyntax('missing ), unterminated subpattern', open[open.length - 1]);
  let jsFlags = 'dgv';
  if (flags & FLAGS.I) jsFlags += 'i';
  return { source: out, flags: jsFlags, groups, groupIndex, parents, pyFlags: flags | (ascii ? 0 : FLAGS.U) };
}
