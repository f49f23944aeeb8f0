import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictGetItem } from './dict';
import { elementChildren, elementGetField, elementState } from './etreeelement';
import { strNew, strValue } from './str';
import { T } from './types';

/**
 * The elements an ElementTree path selects (Lib/xml/etree/ElementPath.py's steps, written for
 * Highwater): a tag, `*`, `.`, `//` (every descendant, document order), `{uri}tag`, and the
 * predicates `[@attr]`, `[@attr='value']`, `[tag]`, `[tag='text']`, `[n]` and `[last()]`. The
 * elements are borrowed. A plain tag is what the C methods walk themselves (checkpath false).
 * Not supported (a NotSupported stop, never a wrong answer): `..`, namespace prefixes with a map,
 * functions other than last().
 */
type Step =
  | { kind: 'child'; tag: string | null }
  | { kind: 'descendant'; tag: string | null }
  | { kind: 'self' };
type Pred = { kind: 'attr'; name: string; value: string | null } | { kind: 'child'; tag: string; value: string | null } | { kind: 'index'; n: number };

interface Compiled {
  steps: { step: Step; preds: Pred[] }[];
}

const cache = new Map<string, Compiled>();

function compile(path: string): Compiled {
  let c = cache.get(path);
  if (c !== undefined) return c;
  if (path.startsWith('/')) throw new SyntaxErrorPath('cannot use absolute path on element');
  const steps: Compiled['steps'] = [];
  // split on '/' outside braces and brackets
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of path) {
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    if (ch === '/' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  let descend = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === '') {
      if (i === parts.length - 1) throw new SyntaxErrorPath('invalid path');
      descend = true;
      continue;
    }
    const m = /^([^[]*)((?:\[[^\]]*\])*)$/.exec(p);
    if (m === null) throw new NotSupported(`ElementPath syntax ${JSON.stringify(path)}`);
    const name = m[1];
    const preds = parsePreds(m[2], path);
    if (name === '.') {
      if (descend) throw new NotSupported(`ElementPath '//.' in ${JSON.stringify(path)}`);
      steps.push({ step: { kind: 'self' }, preds });
      continue;
    }
    if (name === '..' || name.includes(':') || name.startsWith('@')) throw new NotSupported(`ElementPath ${JSON.stringify(path)}`);
    const tag = name === '*' ? null : name;
    steps.push({ step: descend ? { kind: 'descendant', tag } : { kind: 'child', tag }, preds });
    descend = false;
  }
  c = { steps };
  if (cache.size > 100) cache.clear();
  cache.set(path, c);
  return c;
}

/** ElementPath raises SyntaxError for these; the simulator stops rather than word it differently. */
class SyntaxErrorPath extends NotSupported {
  constructor(what: string) {
    super(`ElementPath error: ${what}`);
  }
}

function parsePreds(text: string, path: string): Pred[] {
  const out: Pred[] = [];
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    const body = m[1].trim();
    let r: RegExpExecArray | null;
    if ((r = /^@([\w.:{}-]+)$/.exec(body))) out.push({ kind: 'attr', name: r[1], value: null });
    else if ((r = /^@([\w.:{}-]+)\s*=\s*(['"])(.*)\2$/.exec(body))) out.push({ kind: 'attr', name: r[1], value: r[3] });
    else if ((r = /^(\d+)$/.exec(body))) {
      const n = Number(r[1]);
      if (n < 1) throw new SyntaxErrorPath('XPath position >= 1 expected');
      out.push({ kind: 'index', n: n - 1 });
    } else if (body === 'last()') out.push({ kind: 'index', n: -1 });
    else if ((r = /^([\w.{}-]+)$/.exec(body))) out.push({ kind: 'child', tag: r[1], value: null });
    else if ((r = /^([\w.{}-]+)\s*=\s*(['"])(.*)\2$/.exec(body))) out.push({ kind: 'child', tag: r[1], value: r[3] });
    else throw new NotSupported(`ElementPath predicate [${body}] in ${JSON.stringify(path)}`);
  }
  return out;
}

const tagOf = (vm: Vm, e: number): string | null => {
  const t = elementState(vm, e).tag;
  return vm.table.type[t] === T.Str ? strValue(vm, t) : null;
};

const textOf = (vm: Vm, e: number): string => {
  const t = elementGetField(vm, e, 'text');
  return vm.table.type[t] === T.Str ? strValue(vm, t) : '';
};

function descendants(vm: Vm, e: number, out: number[]): void {
  for (const c of elementChildren(vm, e)) {
    out.push(c);
    descendants(vm, c, out);
  }
}

function attrValue(vm: Vm, e: number, name: string): string | null {
  const x = elementState(vm, e).extra;
  if (x === null || x.attrib === 0) return null;
  const key = strNew(vm, name);
  try {
    const v = dictGetItem(vm, x.attrib, key);
    return v !== 0 && vm.table.type[v] === T.Str ? strValue(vm, v) : v !== 0 ? '' : null;
  } finally {
    vm.decref(key);
  }
}

function keep(vm: Vm, e: number, p: Pred): boolean {
  if (p.kind === 'attr') {
    const v = attrValue(vm, e, p.name);
    return p.value === null ? v !== null : v === p.value;
  }
  if (p.kind === 'child')
    return elementChildren(vm, e).some((c) => tagOf(vm, c) === p.tag && (p.value === null || textOf(vm, c) === p.value));
  return true;
}

export function elementPathSelect(vm: Vm, root: number, pathObj: number, firstOnly: boolean): number[] {
  if (vm.table.type[pathObj] !== T.Str) throw new NotSupported('ElementPath with a non-str path');
  const path = strValue(vm, pathObj);
  const plain = !/[/*[@.]/.test(path.startsWith('{') ? path.slice(path.indexOf('}') + 1) : path);
  if (plain) {
    // the C fast path: the children whose tag equals the path
    const hits = elementChildren(vm, root).filter((c) => tagOf(vm, c) === path);
    return firstOnly ? hits.slice(0, 1) : hits;
  }
  let current = [root];
  for (const { step, preds } of compile(path).steps) {
    let next: number[] = [];
    for (const e of current) {
      let picked: number[];
      if (step.kind === 'self') picked = [e];
      else {
        const pool: number[] = [];
        if (step.kind === 'child') pool.push(...elementChildren(vm, e));
        else descendants(vm, e, pool);
        picked = step.tag === null ? pool : pool.filter((c) => tagOf(vm, c) === step.tag);
      }
      for (const p of preds) {
        if (p.kind === 'index') {
          // positions count among the siblings with the same parent and tag
          const at = p.n < 0 ? picked.length - 1 : p.n;
          picked = at >= 0 && at < picked.length ? [picked[at]] : [];
        } else picked = picked.filter((c) => keep(vm, c, p));
      }
      next.push(...picked);
    }
    if (next.length > 1) next = [...new Set(next)];
    current = next;
  }
  return firstOnly ? current.slice(0, 1) : current;
}
