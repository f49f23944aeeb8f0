import { describe, expect, it } from 'vitest';
import { NotSupported, PyError } from '../errors';
import type { Expr, Module, Stmt } from '../syntax/ast';
import { findHandler } from './code';
import { decode, disassemble } from './dis';
import { compileModule } from './index';
import { CACHES, Op } from './opcodes';

/** What the differential test cannot show: limits, switches, the in-memory form, the dump. */

const at = (line: number, col = 0, endCol = col + 1) => ({ line, col, endLine: line, endCol });
const name = (id: string, ctx: 'load' | 'store' = 'load', line = 1): Expr => ({
  k: 'Name',
  id,
  ctx,
  ...at(line),
});
const int = (v: number): Expr => ({ k: 'Constant', value: { t: 'int', v: BigInt(v) }, kind: null, ...at(1) });
const assign = (target: string, value: Expr, line = 1): Stmt => ({
  k: 'Assign',
  targets: [name(target, 'store', line)],
  value,
  ...at(line),
});

/** x = - - … - 1 with n minus signs: n + 2 levels for ast_opt.c's counter. */
function deepUnary(n: number): Module {
  let e = int(1);
  for (let i = 0; i < n; i++) e = { k: 'UnaryOp', op: '-', operand: e, ...at(1) };
  return { body: [assign('x', e)] };
}

describe('compiler limits and switches', () => {
  it('stops where CPython 3.11 stops: RecursionError past 3000 nested nodes (2998 unary minus compile, 2999 do not)', () => {
    expect(() => compileModule(deepUnary(2998))).not.toThrow();
    let err: unknown;
    try {
      compileModule(deepUnary(2999));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PyError);
    expect((err as PyError).pyType).toBe('RecursionError');
    expect((err as PyError).message).toBe('maximum recursion depth exceeded during compilation');
  });

  it('ends a tree too deep for the JS stack with RecursionError, not a JavaScript error', () => {
    let err: unknown;
    try {
      compileModule(deepUnary(200_000));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PyError);
    expect((err as PyError).pyType).toBe('RecursionError');
  });

  it('leaves the caller’s tree alone (folding works on a copy)', () => {
    const mod: Module = {
      body: [assign('x', { k: 'BinOp', op: '+', left: int(1), right: int(2), ...at(1) })],
    };
    const before = JSON.stringify(mod, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    const { code } = compileModule(mod);
    expect(JSON.stringify(mod, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).toBe(before);
    expect(code.consts[0]).toEqual({ t: 'int', v: 3n });
  });

  it('refuses PEP 709 inlining (a 3.12 switch) with "not supported by Highwater yet" and the line', () => {
    const comp: Expr = {
      k: 'ListComp',
      elt: name('i', 'load', 3),
      generators: [{ target: name('i', 'store', 3), iter: name('r', 'load', 3), ifs: [], isAsync: false }],
      ...at(3),
    };
    const mod: Module = { body: [assign('x', comp, 3)] };
    expect(() => compileModule(mod)).not.toThrow();
    try {
      compileModule(mod, { inlineComprehensions: true });
      expect.fail('should refuse');
    } catch (e) {
      expect(e).toBeInstanceOf(NotSupported);
      expect((e as NotSupported).describe()).toBe(
        'not supported by Highwater yet: inlined comprehensions (PEP 709, Python 3.12) (line 3)',
      );
    }
  });
});

describe('the code object the eval loop runs', () => {
  // try:
  //     f()
  // except E:
  //     g()
  const call = (fn: string, line: number): Stmt => ({
    k: 'Expr',
    value: { k: 'Call', func: name(fn, 'load', line), args: [], keywords: [], ...at(line, 4, 7) },
    ...at(line, 4, 7),
  });
  const tryMod: Module = {
    body: [
      {
        k: 'Try',
        body: [call('f', 2)],
        handlers: [{ type: name('E', 'load', 3), name: null, body: [call('g', 4)], ...at(3, 0, 8) }],
        orelse: [],
        finalbody: [],
        ...at(1, 0, 7),
      },
    ],
  };

  it('lays out code units as co_code does: opcode | oparg << 8, then zeroed inline caches', () => {
    const { code } = compileModule(tryMod);
    const instrs = decode(code);
    let units = 0;
    for (const ins of instrs) units += 1 + CACHES[ins.op];
    expect(units).toBe(code.code.length);
    const call = instrs.find((i) => i.op === Op.CALL)!;
    for (let k = 1; k <= CACHES[Op.CALL]; k++) expect(code.code[call.offset + k]).toBe(0);
    // a cache unit shares its instruction's position (tracebacks index positions with f_lasti)
    expect(Array.from(code.positions.subarray((call.offset + 1) * 4, (call.offset + 2) * 4))).toEqual(
      Array.from(code.positions.subarray(call.offset * 4, call.offset * 4 + 4)),
    );
  });

  it('finds the handler of an offset in the exception table, and none outside it', () => {
    const { code } = compileModule(tryMod);
    const instrs = decode(code);
    const fCall = instrs.find((i) => i.op === Op.CALL)!;
    const entry = findHandler(code, fCall.offset);
    expect(entry).toBe(0);
    const t = code.exceptionTable;
    expect(instrs.find((i) => i.offset === t[2])!.op).toBe(Op.PUSH_EXC_INFO);
    expect(t[3]).toBe(0); // stack depth to unwind to
    expect(findHandler(code, 0)).toBe(-1); // RESUME
    const pushExc = instrs.find((i) => i.op === Op.PUSH_EXC_INFO)!;
    const inner = findHandler(code, pushExc.offset);
    expect(inner).toBeGreaterThan(0);
    expect(code.exceptionTable[inner * 5 + 4]).toBe(1); // SETUP_CLEANUP handlers push lasti
  });

  it('sizes frames as 3.11 does: nlocalsplus + stacksize + 9 words', () => {
    // def g(a, b):
    //     yield a + b
    const gen: Stmt = {
      k: 'FunctionDef',
      name: 'g',
      args: {
        posonlyargs: [],
        args: [
          { arg: 'a', annotation: null, ...at(1) },
          { arg: 'b', annotation: null, ...at(1) },
        ],
        vararg: null,
        kwonlyargs: [],
        kwDefaults: [],
        kwarg: null,
        defaults: [],
      },
      body: [
        {
          k: 'Expr',
          value: {
            k: 'Yield',
            value: { k: 'BinOp', op: '+', left: name('a', 'load', 2), right: name('b', 'load', 2), ...at(2) },
            ...at(2),
          },
          ...at(2),
        },
      ],
      decorators: [],
      returns: null,
      ...at(1),
    };
    const { code } = compileModule({ body: [gen] });
    const g = code.consts.find((c) => c.t === 'code');
    expect(g?.t).toBe('code');
    if (g?.t !== 'code') return;
    expect(g.code.nlocalsplus).toBe(2);
    expect(g.code.stacksize).toBe(2);
    expect(g.code.framesize).toBe(2 + 2 + 9);
    expect(g.code.flags & 0x20).toBe(0x20); // CO_GENERATOR
    expect(decode(g.code)[0].op).toBe(Op.RETURN_GENERATOR);
  });

  it('dumps a readable listing with jump targets and the exception table', () => {
    const text = disassemble(compileModule(tryMod).code);
    expect(text).toContain('Disassembly of <code object <module> (<module>), line 1>:');
    expect(text).toMatch(/LOAD_NAME\s+\d+ \(f\)/);
    expect(text).toMatch(/>>\s+\d+ PUSH_EXC_INFO/);
    expect(text).toMatch(/ExceptionTable:\n {2}\d+ to \d+ -> \d+ \[0\]/);
  });
});
