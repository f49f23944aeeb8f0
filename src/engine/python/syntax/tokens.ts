/**
 * Token types, numbered as CPython 3.11's Include/token.h (the numbers matter only for
 * `lastNonWhitespaceToken`, which skips NEWLINE..DEDENT), and the keyword table the PEG parser
 * uses (Parser/parser.c's reserved_keywords and soft_keywords).
 */

export const ENDMARKER = 0;
export const NAME = 1;
export const NUMBER = 2;
export const STRING = 3;
export const NEWLINE = 4;
export const INDENT = 5;
export const DEDENT = 6;
export const LPAR = 7;
export const RPAR = 8;
export const LSQB = 9;
export const RSQB = 10;
export const COLON = 11;
export const COMMA = 12;
export const SEMI = 13;
export const PLUS = 14;
export const MINUS = 15;
export const STAR = 16;
export const SLASH = 17;
export const VBAR = 18;
export const AMPER = 19;
export const LESS = 20;
export const GREATER = 21;
export const EQUAL = 22;
export const DOT = 23;
export const PERCENT = 24;
export const LBRACE = 25;
export const RBRACE = 26;
export const EQEQUAL = 27;
export const NOTEQUAL = 28;
export const LESSEQUAL = 29;
export const GREATEREQUAL = 30;
export const TILDE = 31;
export const CIRCUMFLEX = 32;
export const LEFTSHIFT = 33;
export const RIGHTSHIFT = 34;
export const DOUBLESTAR = 35;
export const PLUSEQUAL = 36;
export const MINEQUAL = 37;
export const STAREQUAL = 38;
export const SLASHEQUAL = 39;
export const PERCENTEQUAL = 40;
export const AMPEREQUAL = 41;
export const VBAREQUAL = 42;
export const CIRCUMFLEXEQUAL = 43;
export const LEFTSHIFTEQUAL = 44;
export const RIGHTSHIFTEQUAL = 45;
export const DOUBLESTAREQUAL = 46;
export const DOUBLESLASH = 47;
export const DOUBLESLASHEQUAL = 48;
export const AT = 49;
export const ATEQUAL = 50;
export const RARROW = 51;
export const ELLIPSIS = 52;
export const COLONEQUAL = 53;
/** A character no operator starts with (`$`, `?`, `!` alone): the parser matches nothing on it. */
export const OP = 54;
export const AWAIT = 55;
export const ASYNC = 56;
export const ERRORTOKEN = 60;

/** Keywords get their own types, from 500 up as in the generated parser. */
export const KW = {
  False: 500,
  None: 501,
  True: 502,
  and: 503,
  as: 504,
  assert: 505,
  break: 506,
  class: 507,
  continue: 508,
  def: 509,
  del: 510,
  elif: 511,
  else: 512,
  except: 513,
  finally: 514,
  for: 515,
  from: 516,
  global: 517,
  if: 518,
  import: 519,
  in: 520,
  is: 521,
  lambda: 522,
  nonlocal: 523,
  not: 524,
  or: 525,
  pass: 526,
  raise: 527,
  return: 528,
  try: 529,
  while: 530,
  with: 531,
  yield: 532,
} as const;

const KEYWORDS = new Map<string, number>(Object.entries(KW));

/** The keyword type of a NAME's text, or NAME (`_get_keyword_or_name_type`). */
export function keywordOrName(name: string): number {
  return KEYWORDS.get(name) ?? NAME;
}

/** One-character operators (PyToken_OneChar); anything else is OP. */
export function oneChar(c: number): number {
  switch (c) {
    case 0x25:
      return PERCENT; // %
    case 0x26:
      return AMPER; // &
    case 0x28:
      return LPAR;
    case 0x29:
      return RPAR;
    case 0x2a:
      return STAR;
    case 0x2b:
      return PLUS;
    case 0x2c:
      return COMMA;
    case 0x2d:
      return MINUS;
    case 0x2e:
      return DOT;
    case 0x2f:
      return SLASH;
    case 0x3a:
      return COLON;
    case 0x3b:
      return SEMI;
    case 0x3c:
      return LESS;
    case 0x3d:
      return EQUAL;
    case 0x3e:
      return GREATER;
    case 0x40:
      return AT;
    case 0x5b:
      return LSQB;
    case 0x5d:
      return RSQB;
    case 0x5e:
      return CIRCUMFLEX;
    case 0x7b:
      return LBRACE;
    case 0x7c:
      return VBAR;
    case 0x7d:
      return RBRACE;
    case 0x7e:
      return TILDE;
  }
  return OP;
}

/** Two-character operators (PyToken_TwoChars), OP when the pair is none. `<>` is only for barry_as_FLUFL. */
export function twoChars(c1: number, c2: number): number {
  switch (c1) {
    case 0x21: // !
      return c2 === 0x3d ? NOTEQUAL : OP;
    case 0x25: // %
      return c2 === 0x3d ? PERCENTEQUAL : OP;
    case 0x26: // &
      return c2 === 0x3d ? AMPEREQUAL : OP;
    case 0x2a: // *
      return c2 === 0x2a ? DOUBLESTAR : c2 === 0x3d ? STAREQUAL : OP;
    case 0x2b: // +
      return c2 === 0x3d ? PLUSEQUAL : OP;
    case 0x2d: // -
      return c2 === 0x3d ? MINEQUAL : c2 === 0x3e ? RARROW : OP;
    case 0x2f: // /
      return c2 === 0x2f ? DOUBLESLASH : c2 === 0x3d ? SLASHEQUAL : OP;
    case 0x3a: // :
      return c2 === 0x3d ? COLONEQUAL : OP;
    case 0x3c: // <
      return c2 === 0x3c ? LEFTSHIFT : c2 === 0x3d ? LESSEQUAL : c2 === 0x3e ? NOTEQUAL : OP;
    case 0x3d: // =
      return c2 === 0x3d ? EQEQUAL : OP;
    case 0x3e: // >
      return c2 === 0x3d ? GREATEREQUAL : c2 === 0x3e ? RIGHTSHIFT : OP;
    case 0x40: // @
      return c2 === 0x3d ? ATEQUAL : OP;
    case 0x5e: // ^
      return c2 === 0x3d ? CIRCUMFLEXEQUAL : OP;
    case 0x7c: // |
      return c2 === 0x3d ? VBAREQUAL : OP;
  }
  return OP;
}

/** Three-character operators (PyToken_ThreeChars). */
export function threeChars(c1: number, c2: number, c3: number): number {
  if (c3 === 0x3d) {
    if (c1 === 0x2a && c2 === 0x2a) return DOUBLESTAREQUAL;
    if (c1 === 0x2f && c2 === 0x2f) return DOUBLESLASHEQUAL;
    if (c1 === 0x3c && c2 === 0x3c) return LEFTSHIFTEQUAL;
    if (c1 === 0x3e && c2 === 0x3e) return RIGHTSHIFTEQUAL;
  } else if (c1 === 0x2e && c2 === 0x2e && c3 === 0x2e) return ELLIPSIS;
  return OP;
}
