/**
 * Memo keys of the memoized and left-recursive rules (the generated parser's `*_type` ids).
 * Only these rules are memoized, as in Parser/parser.c: memoizing others would change which
 * tokens get fetched, and so where generic errors point.
 */
export const R = {
  simple_stmt: 1,
  block: 2,
  expression: 3,
  star_expression: 4,
  disjunction: 5,
  conjunction: 6,
  inversion: 7,
  bitwise_or: 8,
  bitwise_xor: 9,
  bitwise_and: 10,
  shift_expr: 11,
  sum: 12,
  term: 13,
  factor: 14,
  await_primary: 15,
  primary: 16,
  strings: 17,
  arguments: 18,
  star_target: 19,
  target_with_star_atom: 20,
  t_primary: 21,
  del_target: 22,
  dotted_name: 23,
  closed_pattern: 24,
  star_pattern: 25,
  attr: 26,
  invalid_named_expression: 27,
} as const;
