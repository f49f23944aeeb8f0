import type { ParseProbe } from '../../syntax/parser/core';
import { Arena } from './arena';
import { BYTES_HEADER } from './compileCost';
import { CHeap, type Held } from './heap';

/** sizeof(struct tok_state) in 3.11.7 (tok_new: PyMem_Malloc). */
export const TOK_STATE_SIZE = 2848;
/** sizeof(Memo): type, node, mark, next (_PyPegen_insert_memo's _PyArena_Malloc). */
const MEMO_SIZE = 32;
/**
 * What our parser cannot show one by one, fitted to the recorded tails (tools/compile_tail_check.ts
 * data: 159 scripts' phase-1 arena blocks and a_objects growth; gdb on _PyArena_AddPyObject for
 * five of them): pegen converts a NAME or NUMBER token again on every alternative that reaches
 * it (the rules above them are not all memoized), so CPython makes ~1.2 identifiers and
 * constants for each our parser makes (1.15 to 1.5 measured; 2.5 for numbers on the left of
 * `=`), each with its leaf node (48 bytes) and sequence slot in the arena; and every token costs
 * ~24 bytes of arena besides its memo entries (failed alternatives' nodes).
 */
export const PEGEN_OBJECTS_PER_OBJECT = 1.2;
export const PEGEN_ARENA_PER_OBJECT = 72;
export const PEGEN_ARENA_PER_TOKEN = 24;

/** What differs in the tokenizer between releases (CompileTailProfile's fields). */
export interface ParseShape {
  tokState: { bytes: number; calloc: boolean };
  fstringSubParsers: boolean;
  /** The fitted pegen figures (PEGEN_*), where the release's parser differs from 3.11's. */
  pegen?: { objectsPerObject: number; arenaPerObject: number; arenaPerToken: number };
}

export const PARSE_3_11: ParseShape = {
  tokState: { bytes: TOK_STATE_SIZE, calloc: false },
  fstringSubParsers: true,
};

interface TokenArray {
  tokens: Held | null;
  size: number;
  fill: number;
}

/**
 * Parser/pegen.c's C-heap work for one parse (ParseProbe): the tokenizer state (tok_new, 2,848
 * bytes) and its translated copy of the source (translate_newlines: len + 2, cut to size), the
 * parser's token array (one pointer to start, doubled by _resize_tokens_array when full), each
 * token's bytes object (initialize_token: PyBytes of its text, added to the arena's a_objects),
 * the identifiers and constants the actions make (also added), the memo entries (32 bytes of
 * arena each), and an f-string expression's own tokenizer and parser (fstring_compile_expr). The
 * nodes the actions build cannot be seen one by one: their bytes (`nodeBytes`, the converted
 * tree's size times pegen's overhead) are spread over the tokens.
 */
export class ParseCost implements ParseProbe {
  readonly arena: Arena;
  private readonly parsers: TokenArray[] = [];
  private readonly tokStates: Held[] = [];
  private readonly buffers: Held[] = [];
  private perToken: number;
  private readonly objectsPerObject: number;
  private readonly arenaPerObject: number;
  private readonly arenaPerToken: number;
  private carry = 0;
  private objectCarry = 0;

  constructor(
    private readonly heap: CHeap,
    arena?: Arena,
    /** The release's tokenizer and f-string parsing (versions/: `compileTail`). */
    private readonly shape: ParseShape = PARSE_3_11,
  ) {
    this.arena = arena ?? new Arena(heap);
    const pegen = shape.pegen;
    this.objectsPerObject = pegen?.objectsPerObject ?? PEGEN_OBJECTS_PER_OBJECT;
    this.arenaPerObject = pegen?.arenaPerObject ?? PEGEN_ARENA_PER_OBJECT;
    this.arenaPerToken = pegen?.arenaPerToken ?? PEGEN_ARENA_PER_TOKEN;
    this.perToken = this.arenaPerToken;
  }

  /** Arena bytes each token brings beside its memos and leaf nodes (the tree's share, spread evenly). */
  setNodeBytesPerToken(n: number): void {
    this.perToken = this.arenaPerToken + n;
  }

  /**
   * _PyTokenizer_FromString + _PyPegen_Parser_New: the tokenizer state, the source translated
   * into its own buffer (translate_newlines: PyMem_Malloc(len + 2), then PyMem_Realloc to the
   * translated text plus its NUL when that is shorter), the parser's one-slot token array.
   */
  open(sourceBytes: number, translatedBytes: number): void {
    const h = this.heap;
    const tok = this.shape.tokState;
    this.tokStates.push(tok.calloc ? h.calloc(1, tok.bytes) : h.malloc(tok.bytes));
    let buf = h.malloc(sourceBytes + 2);
    if (translatedBytes + 1 < sourceBytes + 2) buf = h.realloc(buf, translatedBytes + 1);
    this.buffers.push(buf);
    this.parsers.push({ tokens: h.malloc(8), size: 1, fill: 0 });
  }

  /** _PyPegen_Parser_Free (the token array) then _PyTokenizer_Free (its buffer, the state). */
  close(): void {
    const h = this.heap;
    const p = this.parsers.pop();
    if (p) h.free(p.tokens);
    h.free(this.buffers.pop() ?? null);
    h.free(this.tokStates.pop() ?? null);
  }

  token(bytes: number): void {
    const p = this.parsers[this.parsers.length - 1];
    if (!p) return;
    if (p.fill === p.size) {
      p.size *= 2;
      p.tokens = this.heap.realloc(p.tokens, p.size * 8);
    }
    p.fill++;
    // the token's bytes object (a long string literal's reaches glibc), kept by the arena
    const held = this.heap.malloc(BYTES_HEADER + bytes);
    this.arena.addObject(held);
    this.carry += this.perToken;
    const whole = this.carry & ~7;
    if (whole > 0) {
      this.arena.alloc(whole);
      this.carry -= whole;
    }
  }

  memo(): void {
    this.arena.alloc(MEMO_SIZE);
  }

  object(): void {
    this.objectCarry += this.objectsPerObject;
    while (this.objectCarry >= 1) {
      this.arena.addObject();
      this.objectCarry -= 1;
    }
    this.arena.alloc(this.arenaPerObject);
  }

  subParser(open: boolean, exprBytes: number): void {
    // 3.12+ (PEP 701): the one tokenizer reads the f-string's expressions as tokens
    if (!this.shape.fstringSubParsers) return;
    // fstring_compile_expr: PyMem_Calloc(len + 3) for "(expr)", then a tokenizer on it
    if (open) this.open(exprBytes, exprBytes + 1);
    else this.close();
  }
}
