import { typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { listAppend, listItem, listNew, listPut, listResize } from '../objects/list';
import { dictGetItem } from '../objects/dict';
import { moduleData } from '../objects/module';
import { intern, strResult, strValue } from '../objects/str';
import { Meth, T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn, makeModule } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { unsupportedHelper } from './typing';

/**
 * textwrap (Lib/textwrap.py, Python over re): wrap/fill/shorten make a TextWrapper and run it.
 * Modelled in TypeScript with what the real run allocates that outlives a call or weighs on the
 * heap: the munged text (expandtabs, then translate: new strs), the chunk list re.split makes
 * (every word a new str; a one-character chunk, the single spaces, is the cached one), the
 * filtered list, then one str per line (''.join of the chunks, the indent prepended) in the
 * result list; the chunks die when the call returns. Not allocated: TextWrapper's instance and the
 * regex machinery's transients. Words split at hyphens as wordsep_re does for letters on both
 * sides ("well-known" → "well-", "known"); fix_sentence_endings and TextWrapper itself are not
 * supported.
 */

interface Options {
  width: number;
  initialIndent: string;
  subsequentIndent: string;
  breakLongWords: boolean;
  dropWhitespace: boolean;
  breakOnHyphens: boolean;
  maxLines: number | null;
  placeholder: string;
  tabsize: number;
  expandTabs: boolean;
  replaceWhitespace: boolean;
}

const NAMES: Record<string, keyof Options> = {
  width: 'width',
  initial_indent: 'initialIndent',
  subsequent_indent: 'subsequentIndent',
  break_long_words: 'breakLongWords',
  drop_whitespace: 'dropWhitespace',
  break_on_hyphens: 'breakOnHyphens',
  max_lines: 'maxLines',
  placeholder: 'placeholder',
  tabsize: 'tabsize',
  expand_tabs: 'expandTabs',
  replace_whitespace: 'replaceWhitespace',
};

function options(vm: Vm, width: number | undefined, kw: Kwargs | null, base: Partial<Options> = {}): Options {
  const o: Options = {
    width: 70,
    initialIndent: '',
    subsequentIndent: '',
    breakLongWords: true,
    dropWhitespace: true,
    breakOnHyphens: true,
    maxLines: null,
    placeholder: ' [...]',
    tabsize: 8,
    expandTabs: true,
    replaceWhitespace: true,
    ...base,
  };
  if (width !== undefined) o.width = width;
  for (const [k, v] of kw ?? []) {
    if (k === 'fix_sentence_endings') throw new NotSupported('textwrap fix_sentence_endings');
    const key = NAMES[k];
    if (key === undefined)
      throw typeError(vm, "TextWrapper.__init__() got an unexpected keyword argument '%s'", k);
    const t = vm.table.type[v];
    const val =
      t === T.Str
        ? strValue(vm, v)
        : t === T.None
          ? null
          : t === T.Bool
            ? v === vm.s.True
            : Number(vm.table.num[v]);
    (o as unknown as Record<string, unknown>)[key] = val;
  }
  return o;
}

/** str.expandtabs: each tab to the next multiple of `size` columns (a newline resets the column). */
function expandTabs(text: string, size: number): string {
  let out = '';
  let col = 0;
  for (const c of text) {
    if (c === '\t') {
      const n = size > 0 ? size - (col % size) : 0;
      out += ' '.repeat(n);
      col += n;
    } else {
      out += c;
      col = c === '\n' || c === '\r' ? 0 : col + 1;
    }
  }
  return out;
}

/** _split: wordsep_re's chunks (whitespace runs, words, a word's parts after each hyphen). */
function splitChunks(text: string, hyphens: boolean): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\s+|\S+/g)) {
    const c = m[0];
    if (!hyphens || /\s/.test(c[0])) {
      out.push(c);
      continue;
    }
    let start = 0;
    for (const h of c.matchAll(/[A-Za-z0-9]-(?=[A-Za-z])/g)) {
      out.push(c.slice(start, h.index! + 2));
      start = h.index! + 2;
    }
    out.push(c.slice(start));
  }
  return out;
}

/** TextWrapper.wrap: the result list (a new reference). */
function wrapText(vm: Vm, text: string, o: Options): number {
  if (o.width <= 0) throw valueError(vm, 'invalid width %r (must be > 0)', o.width);
  if (o.maxLines !== null) {
    const indent = o.maxLines > 1 ? o.subsequentIndent : o.initialIndent;
    if (indent.length + o.placeholder.trimStart().length > o.width)
      throw valueError(vm, 'placeholder too large for max width');
  }
  // _munge_whitespace: str.expandtabs gives the str itself back when it has no tab
  // (unicode_expandtabs_impl); str.translate always builds a new one. The first dies when the
  // second is made, the second when _split_chunks returns.
  let munged = text;
  let munge = 0;
  if (o.expandTabs && text.includes('\t')) {
    munged = expandTabs(munged, o.tabsize);
    munge = strResult(vm, munged);
  }
  if (o.replaceWhitespace) {
    // string.whitespace's \t \n \v \f \r, each to a space
    munged = munged.replace(/[\t\n\v\f\r]/g, ' ');
    const next = strResult(vm, munged);
    if (munge) vm.decref(munge);
    munge = next;
  }
  // _split: wordsep_re.split (pattern_split, one group: the '' before each match, the chunk, the
  // '' after the last, each PyList_Append'ed), then [c for c in chunks if c]
  const texts = splitChunks(munged, o.breakOnHyphens);
  const split = listNew(vm, 0);
  const handles: number[] = [];
  for (const c of texts) {
    listAppend(vm, split, strResult(vm, ''));
    const h = strResult(vm, c);
    listAppend(vm, split, h);
    handles.push(h);
  }
  listAppend(vm, split, strResult(vm, ''));
  const chunks = listNew(vm, 0);
  for (const h of handles) {
    vm.incref(h);
    listAppend(vm, chunks, h);
  }
  vm.decref(split);
  if (munge) vm.decref(munge);
  const lines = listNew(vm, 0);
  try {
    wrapChunks(vm, chunks, handles.map((h, i) => ({ h, s: texts[i] })), o, lines);
  } finally {
    vm.decref(chunks);
  }
  return lines;
}

interface Chunk {
  h: number;
  s: string;
}

/**
 * _wrap_chunks over the chunk list itself: chunks.reverse(), then per line a new cur_line list
 * (the last one dies when the next is made, and with it its chunks), chunks.pop() into it (the
 * list shrinks by list_resize as it empties), `del chunks[-1]` for the whitespace a line starts
 * with, ''.join(cur_line) (its one item itself when alone) with the indent in front (an empty
 * indent gives the joined str back), a long word sliced in two, max_lines with its placeholder.
 */
function wrapChunks(vm: Vm, chunks: number, source: readonly Chunk[], o: Options, lines: number): void {
  const stack = source.slice().reverse();
  // list.reverse: in place, no allocation
  stack.forEach((c, i) => listPut(vm, chunks, i, c.h));
  const pop = (): Chunk => {
    const c = stack.pop()!;
    listResize(vm, chunks, stack.length);
    return c;
  };
  let count = 0;
  const push = (indent: string, parts: readonly Chunk[]): void => {
    count++;
    listAppend(vm, lines, joinLine(vm, indent, parts));
  };
  const top = (): Chunk => stack[stack.length - 1];
  let curList = 0;
  try {
    while (stack.length) {
      const next = listNew(vm, 0);
      if (curList) vm.decref(curList);
      curList = next;
      const cur: Chunk[] = [];
      const add = (c: Chunk): void => {
        cur.push(c);
        listAppend(vm, curList, c.h);
      };
      const dropLast = (): void => {
        const c = cur.pop()!;
        listResize(vm, curList, cur.length);
        vm.decref(c.h);
      };
      let curLen = 0;
      const indent = count ? o.subsequentIndent : o.initialIndent;
      const width = o.width - indent.length;
      if (o.dropWhitespace && top().s.trim() === '' && count) vm.decref(pop().h);
      while (stack.length) {
        const l = top().s.length;
        if (curLen + l <= width) {
          add(pop());
          curLen += l;
        } else break;
      }
      if (stack.length && top().s.length > width) {
        // _handle_long_word
        const spaceLeft = width < 1 ? 1 : width - curLen;
        if (o.breakLongWords) {
          const c = top();
          const head = c.s.slice(0, spaceLeft);
          add({ h: strResult(vm, head), s: head });
          const rest = c.s.slice(spaceLeft);
          const rh = strResult(vm, rest);
          stack[stack.length - 1] = { h: rh, s: rest };
          listPut(vm, chunks, stack.length - 1, rh);
          vm.decref(c.h);
          curLen += Math.min(spaceLeft, c.s.length);
        } else if (!cur.length) add(pop());
      }
      if (o.dropWhitespace && cur.length && cur[cur.length - 1].s.trim() === '') {
        curLen -= cur[cur.length - 1].s.length;
        dropLast();
      }
      if (!cur.length) continue;
      const last =
        o.maxLines === null ||
        count + 1 < o.maxLines ||
        ((!stack.length || (o.dropWhitespace && stack.length === 1 && stack[0].s.trim() === '')) &&
          curLen <= width);
      if (last) {
        push(indent, cur);
        continue;
      }
      // the last line allowed: drop chunks until the placeholder fits
      let placed = false;
      while (cur.length) {
        if (cur[cur.length - 1].s.trim() && curLen + o.placeholder.length <= width) {
          const ph = strResult(vm, o.placeholder);
          add({ h: ph, s: o.placeholder });
          push(indent, cur);
          placed = true;
          break;
        }
        curLen -= cur[cur.length - 1].s.length;
        dropLast();
      }
      if (!placed) {
        if (count) {
          const prev = strValue(vm, listItem(vm, lines, count - 1)).trimEnd();
          if (prev.length + o.placeholder.length <= o.width)
            throw new NotSupported('textwrap max_lines ending the previous line with the placeholder');
        }
        const ph = o.placeholder.trimStart();
        push(indent, [{ h: 0, s: ph }]);
      }
      break;
    }
  } finally {
    if (curList) vm.decref(curList);
  }
}

/** indent + ''.join(parts): PyUnicode_Join gives a lone str item back; an empty indent adds nothing. */
function joinLine(vm: Vm, indent: string, parts: readonly Chunk[]): number {
  let joined: number;
  if (parts.length === 1 && parts[0].h) {
    joined = parts[0].h;
    vm.incref(joined);
  } else joined = strResult(vm, parts.map((p) => p.s).join(''));
  if (!indent) return joined;
  const r = strResult(vm, indent + strValue(vm, joined));
  vm.decref(joined);
  return r;
}

const lineTexts = (vm: Vm, lines: number): string[] =>
  Array.from({ length: vm.table.n[lines] }, (_, i) => strValue(vm, listItem(vm, lines, i)));

function textArg(vm: Vm, h: number | undefined, fname: string): string {
  if (h === undefined || vm.table.type[h] !== T.Str) throw typeError(vm, '%s() expects a str', fname);
  return strValue(vm, h);
}

const widthArg = (vm: Vm, a: readonly number[], kw: Kwargs | null): number | undefined => {
  const h = a[1] ?? kw?.get('width');
  return h === undefined ? undefined : Number(vm.table.num[h]);
};

const withoutWidth = (kw: Kwargs | null): Kwargs | null => {
  if (kw === null) return null;
  const m = new Map(kw);
  m.delete('width');
  return m;
};

function wrap(vm: Vm, a: readonly number[], kw: Kwargs | null): number {
  return wrapText(vm, textArg(vm, a[0], 'wrap'), options(vm, widthArg(vm, a, kw), withoutWidth(kw)));
}

/** fill: '\n'.join(wrap(...)). */
function fill(vm: Vm, a: readonly number[], kw: Kwargs | null): number {
  const lines = wrap(vm, a, kw);
  try {
    const texts = lineTexts(vm, lines);
    return strResult(vm, texts.join('\n'));
  } finally {
    vm.decref(lines);
  }
}

/** shorten: ' '.join(text.strip().split()) (the words, then the joined str), then one line. */
function shorten(vm: Vm, a: readonly number[], kw: Kwargs | null): number {
  const text = textArg(vm, a[0], 'shorten');
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w);
  const list = listNew(vm, 0);
  for (const w of words) {
    listAppend(vm, list, strResult(vm, w));
  }
  const joined = strResult(vm, words.join(' '));
  vm.decref(list);
  try {
    const o = options(vm, widthArg(vm, a, kw), withoutWidth(kw), { maxLines: 1 });
    const lines = wrapText(vm, strValue(vm, joined), o);
    try {
      const texts = lineTexts(vm, lines);
      return strResult(vm, texts.join('\n'));
    } finally {
      vm.decref(lines);
    }
  } finally {
    vm.decref(joined);
  }
}

/** dedent: the common leading whitespace of the non-blank lines removed. */
function dedent(vm: Vm, a: readonly number[]): number {
  const text = textArg(vm, a[0], 'dedent').replace(/^[ \t]+$/gm, '');
  let margin: string | null = null;
  for (const m of text.matchAll(/^([ \t]*)(?:[^ \t\n])/gm)) {
    const ind = m[1];
    if (margin === null || ind.startsWith(margin)) margin = margin ?? ind;
    else if (margin.startsWith(ind)) margin = ind;
    else {
      let i = 0;
      while (i < margin.length && margin[i] === ind[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  const out = margin ? text.replace(new RegExp(`^${margin}`, 'gm'), '') : text;
  return strResult(vm, out);
}

/** indent(text, prefix): the prefix before every line that is not only whitespace. */
function indent(vm: Vm, a: readonly number[]): number {
  const text = textArg(vm, a[0], 'indent');
  const prefix = textArg(vm, a[1], 'indent');
  const lines = text.split(/(?<=\n)/);
  return strResult(vm, lines.map((l) => (l.trim() ? prefix + l : l)).join(''));
}

const KW = Meth.Fastcall | Meth.Keywords;

/**
 * TextWrapper as a class scripts make and keep: its attributes as the real __init__ sets them;
 * wrap/fill run the module's wrapping with them (the real wrap() makes such an instance per call,
 * here the instance is the script's own).
 */
const TEXTWRAPPER_SOURCE = `
class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def wrap(self, text):
        if self.fix_sentence_endings:
            _hw_unsupported("textwrap fix_sentence_endings")
        return _hw_wrap(text, width=self.width, initial_indent=self.initial_indent,
                        subsequent_indent=self.subsequent_indent, expand_tabs=self.expand_tabs,
                        replace_whitespace=self.replace_whitespace, break_long_words=self.break_long_words,
                        drop_whitespace=self.drop_whitespace, break_on_hyphens=self.break_on_hyphens,
                        tabsize=self.tabsize, max_lines=self.max_lines, placeholder=self.placeholder)

    def fill(self, text):
        return "\\n".join(self.wrap(text))
`;

export const textwrapModule: ModuleSpec = {
  name: 'textwrap',
  load: (vm) => {
    const fns = [
      fn('wrap', KW, (vm2, _m, a, kw) => wrap(vm2, a, kw)),
      fn('fill', KW, (vm2, _m, a, kw) => fill(vm2, a, kw)),
      fn('shorten', KW, (vm2, _m, a, kw) => shorten(vm2, a, kw)),
      fn('dedent', Meth.O, (vm2, _m, a) => dedent(vm2, a)),
      fn('indent', Meth.Fastcall, (vm2, _m, a) => indent(vm2, a)),
    ];
    const m = makeModule(vm, 'textwrap', fns);
    const attrs = moduleData(vm, m).attrs;
    const globals = runPythonPart(vm, 'textwrap', TEXTWRAPPER_SOURCE, {
      _hw_wrap: attrs.get('wrap')!,
      _hw_unsupported: unsupportedHelper(vm, 'textwrap'),
    });
    const cls = dictGetItem(vm, globals, intern(vm, 'TextWrapper'));
    vm.incref(cls);
    attrs.set('TextWrapper', cls);
    return m;
  },
};
