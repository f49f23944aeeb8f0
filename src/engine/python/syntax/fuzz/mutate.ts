import { ProgramGenerator, Rng } from './generate';

/**
 * Token-level mutations of programs (deleted, inserted, duplicated or swapped tokens, changed
 * indentation, cut strings, extra brackets), which make most of the invalid programs, and the
 * seeded corpus that mixes them with generated ones.
 */

/** A rough tokenizer for mutations: names, numbers, strings, operators, newlines, spaces. */
const TOKEN_RE =
  /[rRbBuUfF]{0,2}("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*|\d[\w.]*|\*\*=?|\/\/=?|<<=?|>>=?|[-+*/%&|^@<>=!:]=|->|\.\.\.|\n[ \t]*|[ \t]+|#[^\n]*|./gu;

export function roughTokens(src: string): string[] {
  return src.match(TOKEN_RE) ?? [];
}

const INSERTS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '=',
  '.',
  '*',
  '**',
  'if',
  'else',
  'for',
  'in',
  'lambda',
  'not',
  'def',
  'class',
  'return',
  'yield',
  'import',
  'from',
  'as',
  'with',
  'async',
  'await',
  '"',
  "'",
  '\\',
  '\n',
  '\n    ',
  '    ',
  '\t',
  ':=',
  '->',
  '@',
  ';',
  '0',
  '1x',
  '_',
  'x',
  'None',
  'f"{',
  '}',
  '#',
];

/** One to three random edits of a program. */
export function mutate(r: Rng, src: string): string {
  const toks = roughTokens(src);
  if (toks.length === 0) return r.pick(INSERTS);
  const edits = 1 + (r.chance(0.3) ? r.int(3) : 0);
  for (let e = 0; e < edits; e++) {
    if (toks.length === 0) toks.push(r.pick(INSERTS));
    const i = r.int(toks.length);
    switch (r.int(9)) {
      case 0: // delete a token
        toks.splice(i, 1);
        break;
      case 1: // insert a token
        toks.splice(i, 0, r.pick(INSERTS));
        break;
      case 2: // duplicate a token
        toks.splice(i, 0, toks[i]);
        break;
      case 3: // swap two neighbours
        if (i + 1 < toks.length) [toks[i], toks[i + 1]] = [toks[i + 1], toks[i]];
        break;
      case 4: {
        // change an indent
        const nl = toks.findIndex((t, k) => k >= i && t.startsWith('\n'));
        if (nl >= 0) toks[nl] = '\n' + r.pick(['', ' ', '  ', '    ', '        ', '\t', '  \t', '\f']);
        break;
      }
      case 5: {
        // cut a string (drop its closing quote or more)
        const s = toks.findIndex((t, k) => k >= i && /^[rRbBuUfF]{0,2}['"]/.test(t));
        if (s >= 0) toks[s] = toks[s].slice(0, Math.max(1, toks[s].length - 1 - r.int(3)));
        break;
      }
      case 6: // add a bracket
        toks.splice(i, 0, r.pick(['(', '[', '{', ')', ']', '}']));
        break;
      case 7: {
        // replace a character inside a token
        const t = toks[i];
        if (t.length) {
          const k = r.int(t.length);
          toks[i] =
            t.slice(0, k) +
            r.pick(['_', '0', 'é', '$', '?', '!', '\u00a0', '“', 'e', 'j', '.', "'"]) +
            t.slice(k + 1);
        }
        break;
      }
      default: {
        // drop the rest of a line
        let j = i;
        while (j < toks.length && !toks[j].startsWith('\n')) j++;
        toks.splice(i, j - i);
      }
    }
  }
  return toks.join('');
}

/** Statements that are fine to the parser but may be refused when compiled (compile.c, symtable). */
const COMPILE_STAGE = [
  'break',
  'continue',
  'return 1',
  'return',
  'yield 1',
  'x = yield from y',
  'await x',
  'async for x in y: pass',
  'async with x as y: pass',
  '__debug__ = 1',
  'del __debug__',
  'x.__debug__ = 1',
  'f(__debug__=1)',
  'def f(__debug__): pass',
  'import a as __debug__',
  'f(a=1, b=2, a=3)',
  'class C(k=1, k=2): pass',
  'try: pass\nexcept: pass\nexcept E: pass',
  '*a = 1',
  'x = *a',
  '*a, *b = c',
  '[*a, *b] = c',
  'for *a in b: pass',
  'from __future__ import annotations',
  'from __future__ import braces',
  'from __future__ import nope',
  '[x async for x in y]',
  '(x async for x in y)',
  '[await x for x in y]',
  'match x:\n case y: pass\n case z: pass',
  'match x:\n case _: pass\n case 1: pass',
  'match x:\n case {"a": 1, "a": 2}: pass',
  'match x:\n case {1: a, 1.0: b}: pass',
  'match x:\n case a | b: pass',
  'match x:\n case [a, *b, *c]: pass',
  'match x:\n case P(a=1, a=2): pass',
  'match x:\n case [a, a]: pass',
  'match x:\n case (a | [a]) | b: pass',
  'match x:\n case f"s": pass',
  'def f(a, a): pass',
  'lambda x, x: 1',
  'def f(a, *, b, **b): pass',
  'for x in y:\n try: pass\n except* E: break',
  'try: pass\nexcept* E: continue',
  'def f():\n try: pass\n except* E: return 1',
  'async def f():\n yield 1\n return 2',
  'async def f():\n yield from x',
  'while 1:\n try:\n  pass\n finally:\n  break',
  'def f():\n class C:\n  return 1',
  'class C:\n yield',
  'nonlocal x',
  'def f():\n global x\n x: int',
];

/** Insert a compile-stage statement at a line boundary, indented as the line after it. */
export function insertCompileStage(r: Rng, src: string): string {
  const lines = src.split('\n');
  const at = r.int(lines.length + 1);
  const next = lines[at] ?? '';
  const indent = /^[ \t]*/.exec(next)![0];
  const stmt = r
    .pick(COMPILE_STAGE)
    .split('\n')
    .map((l) => indent + l);
  lines.splice(at, 0, ...stmt);
  return lines.join('\n');
}

/** The seeded corpus: generated programs, some mutated. */
export function corpus(seed: number, n: number, seeds: readonly string[] = []): string[] {
  const r = new Rng(seed);
  const g = new ProgramGenerator(r);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = seeds.length && r.chance(0.3) ? r.pick(seeds) : g.program();
    const p = r.chance(0.15) ? insertCompileStage(r, base) : base;
    out.push(r.chance(0.5) ? mutate(r, p) : p);
  }
  return out;
}
