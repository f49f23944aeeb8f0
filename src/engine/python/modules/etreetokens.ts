/**
 * The XML tokens expat reports to _elementtree's handlers, from input fed in chunks (a latin-1
 * string of the bytes). Written for Highwater: start tags with their attributes (values with
 * entity and character references replaced, whitespace normalised as XML 1.0 says), end tags,
 * character data in expat's pieces (a run of characters, each newline alone, each reference alone,
 * CDATA content), comments, processing instructions and the prolog skipped. An unfinished markup
 * token at a chunk's end stays pending (expat's leftover); character data is reported up to the
 * chunk's end. Namespaces: `p:name` with an xmlns declaration in scope becomes `uri}name` (expat's
 * separator '}'; makeuniversal adds the '{'). Not supported: a DOCTYPE with an internal subset
 * (entity declarations).
 */
export type XmlToken =
  | { kind: 'start'; name: string; attrs: [string, string][]; empty: boolean }
  | { kind: 'end'; name: string }
  | { kind: 'data'; text: string }
  | { kind: 'error'; message: string; code: number };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function utf8Of(cp: number): string {
  return String.fromCharCode(...new TextEncoder().encode(String.fromCodePoint(cp)));
}

function reference(body: string): string | null {
  if (body.startsWith('#x')) return utf8Of(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return utf8Of(parseInt(body.slice(1), 10));
  return ENTITIES[body] ?? null;
}

export class XmlTokenizer {
  pending = '';
  consumedSoFar = 0;
  rootClosed = false;
  private depth = 0;
  private queue: XmlToken[] = [];
  private ns: Map<string, string>[] = [];
  line = 1;
  /** bytes since the last newline: expat's column */
  col = 0;
  private open: string[] = [];

  /** XML_ErrorString(code) + ": line L, column C" at the given position (expat's eventPtr). */
  error(code: number, what: string, line = this.line, col = this.col): XmlToken {
    return { kind: 'error', code, message: `${what}: line ${line}, column ${col}` };
  }

  feed(chunk: string): void {
    this.pending += chunk;
  }

  next(final: boolean): XmlToken | null {
    if (this.queue.length) return this.queue.shift()!;
    for (;;) {
      const p = this.pending;
      if (p.length === 0) return null;
      if (p[0] === '<') {
        const t = this.markup(p, final);
        if (t === 'wait') return null;
        if (t === 'skip') continue;
        return t;
      }
      if (this.depth === 0) {
        // prolog / epilog: only whitespace may stand outside the root
        const m = /^[ \t\r\n]+/.exec(p);
        if (m !== null) {
          if (m[0].length === p.length && !final) return null; // expat keeps trailing whitespace pending
          this.take(m[0].length);
          continue;
        }
        return this.rootClosed ? this.error(9, 'junk after document element') : this.error(2, 'syntax error');
      }
      if (p[0] === '&') {
        const semi = p.indexOf(';');
        if (semi < 0) {
          if (final) return this.error(5, 'unclosed token');
          return null;
        }
        const r = reference(p.slice(1, semi));
        if (r === null) return this.error(11, 'undefined entity');
        this.take(semi + 1);
        return { kind: 'data', text: r };
      }
      if (p[0] === '\n' || p[0] === '\r') {
        const n = p.startsWith('\r\n') ? 2 : 1;
        if (p === '\r' && !final) return null;
        this.take(n);
        return { kind: 'data', text: '\n' };
      }
      const m = /^[^<&\r\n]+/.exec(p)!;
      this.take(m[0].length);
      return { kind: 'data', text: m[0] };
    }
  }

  private take(n: number): void {
    const s = this.pending.slice(0, n);
    let last = -1;
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
      this.line++;
      last = i;
    }
    this.col = last >= 0 ? n - last - 1 : this.col + n;
    this.pending = this.pending.slice(n);
    this.consumedSoFar += n;
  }

  private markup(p: string, final: boolean): XmlToken | 'wait' | 'skip' {
    const need = (end: string, from: number): number => {
      const i = p.indexOf(end, from);
      return i;
    };
    const incomplete = (): 'wait' | XmlToken => (final ? this.error(5, 'unclosed token') : 'wait');
    if (p.startsWith('<!--')) {
      const e = need('-->', 4);
      if (e < 0) return incomplete();
      this.take(e + 3);
      return 'skip';
    }
    if (p.startsWith('<?')) {
      const e = need('?>', 2);
      if (e < 0) return incomplete();
      this.take(e + 2);
      return 'skip';
    }
    if (p.startsWith('<![CDATA[')) {
      const e = need(']]>', 9);
      if (e < 0) return incomplete();
      const body = p.slice(9, e);
      this.take(e + 3);
      for (const piece of body.split(/(\r\n|\n|\r)/)) {
        if (piece === '') continue;
        this.queue.push({ kind: 'data', text: /^(\r\n|\n|\r)$/.test(piece) ? '\n' : piece });
      }
      return this.queue.shift() ?? 'skip';
    }
    if (p.startsWith('<!')) {
      if (p.length < 9 && !final) return 'wait';
      if (p.startsWith('<!DOCTYPE')) {
        const e = need('>', 2);
        if (e < 0) return incomplete();
        if (p.slice(0, e).includes('[')) throw new Error('DOCTYPE internal subset');
        this.take(e + 1);
        return 'skip';
      }
      return this.error(2, 'syntax error');
    }
    // a tag: find its '>' outside quoted attribute values
    let q = '';
    let e = -1;
    for (let i = 1; i < p.length; i++) {
      const c = p[i];
      if (q) {
        if (c === q) q = '';
      } else if (c === '"' || c === "'") q = c;
      else if (c === '>') {
        e = i;
        break;
      }
    }
    if (e < 0) return incomplete();
    const body = p.slice(1, e);
    if (this.rootClosed && this.depth === 0) return this.error(9, 'junk after document element');
    const [line, col] = [this.line, this.col];
    if (body.startsWith('/')) {
      const name = body.slice(1).trim();
      if (this.open[this.open.length - 1] !== name) return this.error(7, 'mismatched tag', line, col + 2);
      this.open.pop();
      this.take(e + 1);
      this.depth--;
      const scope = this.ns.pop();
      const resolved = this.resolve(name, false, scope);
      if (this.depth === 0) this.rootClosed = true;
      return { kind: 'end', name: resolved };
    }
    const empty = body.endsWith('/');
    const inner = empty ? body.slice(0, -1) : body;
    const nm = /^([^\s/>]+)/.exec(inner);
    if (nm === null) return this.error(4, 'not well-formed (invalid token)', line, col + 1);
    this.take(e + 1);
    const rawAttrs: [string, string][] = [];
    const re = /\s*([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
    re.lastIndex = nm[1].length;
    let m: RegExpExecArray | null;
    while ((m = re.exec(inner)) !== null) rawAttrs.push([m[1], attrValue(m[3] ?? m[4])]);
    const scope = new Map<string, string>();
    const attrs: [string, string][] = [];
    for (const [k, v] of rawAttrs) {
      if (k === 'xmlns') scope.set('', v);
      else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
    }
    this.ns.push(scope);
    for (const [k, v] of rawAttrs) if (k !== 'xmlns' && !k.startsWith('xmlns:')) attrs.push([this.resolve(k, true, scope), v]);
    const name = this.resolve(nm[1], false, scope);
    if (empty) {
      this.ns.pop();
      if (this.depth === 0) this.rootClosed = true;
    } else {
      this.depth++;
      this.open.push(nm[1]);
    }
    return { kind: 'start', name, attrs, empty };
  }

  private resolve(name: string, attr: boolean, scope: Map<string, string> | undefined): string {
    const colon = name.indexOf(':');
    const prefix = colon >= 0 ? name.slice(0, colon) : '';
    if (attr && colon < 0) return name;
    const lookup = (pfx: string): string | undefined => {
      if (scope?.has(pfx)) return scope.get(pfx);
      for (let i = this.ns.length - 1; i >= 0; i--) if (this.ns[i].has(pfx)) return this.ns[i].get(pfx);
      return undefined;
    };
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace}' + name.slice(colon + 1);
    const uri = lookup(prefix);
    if (uri === undefined || uri === '') return name;
    return uri + '}' + (colon >= 0 ? name.slice(colon + 1) : name);
  }
}

/** Attribute-value normalisation: references replaced, tabs and newlines as spaces. */
function attrValue(raw: string): string {
  return raw.replace(/\r\n|[\r\n\t]/g, ' ').replace(/&([^;]+);/g, (_, b: string) => reference(b) ?? `&${b};`);
}
