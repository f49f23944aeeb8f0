import type { SyntaxNode } from '@lezer/common';
import { NotSupported, PySyntaxError } from '../errors';

/** Helpers over lezer's syntax nodes shared by the statement and expression walkers. */
export class Source {
  private readonly lineStarts: number[] = [0];
  private scopeCounter = 0;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line of an offset. */
  line(pos: number): number {
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of an offset (CPython counts from 1 in SyntaxError.offset). */
  column(pos: number): number {
    return pos - this.lineStarts[this.line(pos) - 1] + 1;
  }

  slice(n: SyntaxNode): string {
    return this.text.slice(n.from, n.to);
  }

  syntaxError(pos: number, message = 'invalid syntax'): PySyntaxError {
    return new PySyntaxError(message, this.line(pos), this.column(pos));
  }

  unsupported(what: string, n: SyntaxNode): NotSupported {
    return new NotSupported(what, this.line(n.from));
  }

  nextScope(): number {
    return ++this.scopeCounter;
  }
}

/** The children of a node, without comments. */
export function kids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

/** Split a child list at top-level tokens named `sep` (e.g. ","). */
export function splitAt(nodes: SyntaxNode[], sep: string): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const n of nodes) {
    if (n.name === sep) groups.push([]);
    else groups[groups.length - 1].push(n);
  }
  return groups;
}

/** The first syntax error node in a tree, if any. */
export function firstError(root: SyntaxNode): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  const cursor = root.cursor();
  do {
    if (cursor.type.isError) {
      found = cursor.node;
      break;
    }
  } while (cursor.next());
  return found;
}
