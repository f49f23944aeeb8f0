import type { Comprehension, Expr, Stmt } from '../ast';

/** What the symtable knows of a scope that compile.c's checks read (ste_generator, ste_coroutine). */
export interface ScopeFacts {
  generator: boolean;
  coroutine: boolean;
}

/**
 * The facts of a function body (`kind` 'function' / 'async'), a lambda body, or a comprehension
 * (the Expr). Yield and await count only in the scope's own code: not in nested functions,
 * lambdas or classes, and not in a comprehension's first iterable, which belongs to the enclosing
 * scope. A list, set or dict comprehension that is a coroutine makes its scope one too
 * (symtable_handle_comprehension, 3.11).
 */
export function scopeFacts(
  node: Stmt[] | Expr,
  kind: 'module' | 'function' | 'async' | 'lambda' | 'comprehension',
): ScopeFacts {
  const f: ScopeFacts = { generator: false, coroutine: kind === 'async' };
  if (kind === 'module') return f;
  if (kind === 'comprehension') {
    const e = node as Expr & { generators: Comprehension[] };
    if (e.k === 'GeneratorExp') f.generator = true;
    e.generators.forEach((g, i) => {
      if (g.isAsync) f.coroutine = true;
      if (i > 0) own(g.iter, f);
      own(g.target, f);
      g.ifs.forEach((x) => own(x, f));
    });
    if (e.k === 'DictComp') {
      own(e.key, f);
      own(e.value, f);
    } else if (e.k === 'ListComp' || e.k === 'SetComp' || e.k === 'GeneratorExp') own(e.elt, f);
    return f;
  }
  if (Array.isArray(node)) node.forEach((s) => own(s, f));
  else own(node, f);
  return f;
}

/** Walk a scope's own code (iteratively: bodies can nest 3000 deep). */
function own(root: unknown, f: ScopeFacts): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const x of node) stack.push(x);
      continue;
    }
    const n = node as Record<string, unknown> & { k?: string };
    switch (n.k) {
      case 'Yield':
      case 'YieldFrom':
        f.generator = true;
        break;
      case 'Await':
        f.coroutine = true;
        break;
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        const d = n as unknown as {
          decorators: Expr[];
          args: { defaults: Expr[]; kwDefaults: (Expr | null)[] };
        };
        stack.push(d.decorators, d.args.defaults, d.args.kwDefaults);
        continue;
      }
      case 'Lambda': {
        const d = n as unknown as { args: { defaults: Expr[]; kwDefaults: (Expr | null)[] } };
        stack.push(d.args.defaults, d.args.kwDefaults);
        continue;
      }
      case 'ClassDef': {
        const d = n as unknown as { decorators: Expr[]; bases: Expr[]; keywords: { value: Expr }[] };
        stack.push(
          d.decorators,
          d.bases,
          d.keywords.map((k) => k.value),
        );
        continue;
      }
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp': {
        const c = n as unknown as Expr & { generators: Comprehension[] };
        stack.push(c.generators[0].iter);
        if (n.k !== 'GeneratorExp' && scopeFacts(c, 'comprehension').coroutine) f.coroutine = true;
        continue;
      }
      case 'Constant':
        continue;
    }
    for (const key in n) stack.push(n[key]);
  }
}
