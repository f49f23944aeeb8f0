import { PyError } from '../errors';
import { isTrue } from '../abstract/object';
import { richCompareMayDefer } from '../abstract/compare';
import { compareSpecialized } from './comparespec';
import * as operand from './operandops';
import { listAppend } from '../objects/list';
import { T } from '../objects/types';
import { stopLine, type Frame } from './frame';
import type { Interpreter } from './interpreter';
import type { CodeRt } from './code';
import type { CodeObject } from '../compiler/code';
import { O } from './ops';
import { OP_NS } from './opcosts';
import { Spec, attemptNow, miss, specialized } from './specialize';
import * as build from './build';
import * as calls from './calls';
import { isStop } from './calls';
import * as names from './names';
import * as special from './specialops';
import * as spec from './specops';
import * as unwind from './unwind';
import * as gen from './genops';
import { coldInstr } from './coldops';
import { deferredOperands, takeDeferred } from './deferredcalls';
import { DEFERRED } from '../runtime/deferred';
import { breakerPauses, enterCallee, enterDeferredResult, giveReturn, iterNextDefers } from './frameswitch';
import * as attr from './attrops';

/** What the loop returns when the module frame reached a step marker (__hw_step__). */
export const PAUSED = -1;

/**
 * _PyEval_EvalFrameDefault of 3.11: runs `entry` and every Python frame it calls, in this one JS
 * function (a Python-to-Python call pushes a frame and jumps to its first instruction; a return
 * pops it), until the entry frame returns (its value), yields (a generator: the value), reaches
 * a step marker (PAUSED), or raises (the PyError is thrown). Re-entered from C code (a key
 * function, __eq__, a generator's next()) as ceval is. `pending` is an error to raise at once in
 * the frame (generator.throw()).
 *
 * The instruction semantics, allocation and release order are ceval.c's; the cold instructions
 * live in the files imported above, each function naming the C code it models.
 */
export function evalFrame(it: Interpreter, entry: Frame, pending: unknown = null, resume = false): number {
  const vm = it.vm;
  const t = it.thread;
  // the table's columns are reallocated when it grows: read them through `table` every time
  const table = vm.table;
  let f = entry;
  let err: unknown = pending;
  if (resume) {
    // a thread that gave up the GIL (threads.ts): `entry` is its innermost frame, its chain and
    // recursion depth are as it left them
    t.current = f;
  } else {
    f.isEntry = true;
    f.previous = t.current;
    t.current = f;
    try {
      t.enterRecursive(); // start_frame (a generator's throw() too)
    } catch (e) {
      return unwind.exitEntry(it, f, e);
    }
  }
  // the running frame's registers, loaded from `f` at each frame switch (frames: below)
  let code: CodeRt;
  let co: CodeObject['code'];
  let consts: Int32Array;
  let s: Int32Array;
  let base: number;
  let sp = f.sp;
  let ip: number;
  let kwnames: number;
  // a callee was switched to: its start_frame is counted first (a RecursionError is its frame's)
  let starting = false;

  // each frame switch (a call or deferred call pushed, a return, an exception's handler or a
  // frame the unwinder went back to) sets `f` and continues here, which loads its registers
  frames: for (;;) {
    if (err !== null) {
      // error: / exception_unwind: / exit_unwind: (unwind.ts); f.ip is this instruction's already
      f.sp = sp;
      const next = unwind.handle(it, f, err);
      err = null;
      if (next === null) return 0; // not reached: handle() throws out of the entry frame
      f = next;
    }
    code = f.code;
    co = code.co.code;
    consts = code.consts;
    s = f.slots;
    base = f.base;
    sp = f.sp;
    ip = f.ip;
    kwnames = 0;
    try {
      if (starting) {
        starting = false;
        t.enterRecursive(); // start_frame (unwind.ts balances a failure)
      }
      for (;;) {
        let word = co[ip++];
        let op = word & 0xff;
        let arg = word >> 8;
        while (op === O.EXTENDED_ARG) {
          word = co[ip++];
          op = word & 0xff;
          arg = (arg << 8) | (word >> 8);
        }
        // the instruction's CPU on the simulated clock (opcosts.ts), charged at the next breaker check
        it.opNs += OP_NS[op];
        // INSTRUCTION_START: frame->prev_instr = this instruction, so what reads the frame's line
        // from inside it (tracemalloc's traceback_get_frames in an allocation, PyFrame_GetLineNumber)
        // sees this instruction's line, not the last call's
        f.ip = ip;
        switch (op) {
          case O.NOP:
            break;
          case O.RESUME:
            if (!code.quickened) it.warm(code);
            // the eval breaker (not in a generator's resumption), a replay's landing
            if (arg < 2 ? breakerPauses(it, f, ip, sp) : it.pauseAt !== Infinity && it.pauseHere(f, ip, sp))
              return PAUSED;
            break;
          case O.LOAD_FAST: {
            const v = s[base + arg];
            if (v === 0) throw names.unboundLocal(it, code, arg);
            if (!(table.flags[v] & 1)) table.refcnt[v]++;
            s[sp++] = v;
            break;
          }
          case O.LOAD_CONST: {
            const v = consts[arg];
            if (!(table.flags[v] & 1)) table.refcnt[v]++;
            s[sp++] = v;
            break;
          }
          case O.LOAD_FAST_AND_CLEAR: {
            // PEP 709 (3.12): an inlined comprehension saves the outer value (or NULL)
            s[sp++] = s[base + arg];
            s[base + arg] = 0;
            break;
          }
          case O.STORE_FAST: {
            const old = s[base + arg];
            s[base + arg] = s[--sp];
            if (old !== 0 && !(table.flags[old] & 1) && --table.refcnt[old] === 0) vm.dealloc(old);
            break;
          }
          case O.DELETE_FAST: {
            const old = s[base + arg];
            if (old === 0) throw names.unboundLocal(it, code, arg);
            s[base + arg] = 0;
            vm.decref(old);
            break;
          }
          case O.POP_TOP: {
            const v = s[--sp];
            if (!(table.flags[v] & 1) && --table.refcnt[v] === 0) vm.dealloc(v);
            break;
          }
          case O.PUSH_NULL:
            s[sp++] = 0;
            break;
          case O.COPY: {
            const v = s[sp - arg];
            vm.incref(v);
            s[sp++] = v;
            break;
          }
          case O.SWAP: {
            const a = s[sp - 1];
            s[sp - 1] = s[sp - arg];
            s[sp - arg] = a;
            break;
          }
          case O.UNARY_POSITIVE:
          case O.UNARY_NEGATIVE:
          case O.UNARY_INVERT:
            operand.unaryInstr(
              it,
              s,
              sp,
              op === O.UNARY_POSITIVE ? '+' : op === O.UNARY_NEGATIVE ? '-' : '~',
            );
            break;
          case O.UNARY_NOT:
            operand.unaryNot(it, s, sp);
            break;
          case O.BINARY_OP: {
            const i = ip - 1;
            if (code.quickened) {
              let form: Spec = code.spec[i];
              if (form === Spec.Generic && attemptNow(code, i))
                form = specialized(code, i, spec.binaryOpSpec(s, sp, arg, co, ip, base, table));
              if (form !== Spec.Generic) {
                const r = spec.binaryOpSpecialized(it, code, i, form, s, sp, base, co, ip);
                if (r >= 0) {
                  // the specialized instruction ran: r is the new stack pointer
                  ip += form === Spec.InplaceAddUnicode ? 2 : 1;
                  sp = r;
                  break;
                }
              }
            }
            sp = operand.binaryOpInstr(it, s, sp, arg);
            ip += 1;
            break;
          }
          case O.COMPARE_OP: {
            const rhs = s[--sp];
            const lhs = s[sp - 1];
            s[sp - 1] = 0;
            let res: number;
            try {
              const checked = !(code.quickened && compareSpecialized(vm, co, ip + 2, lhs, rhs, arg));
              // a Python __eq__ may run in this loop (deferredcalls.ts)
              it.deferArmed = true;
              res = richCompareMayDefer(vm, lhs, rhs, arg, checked);
            } catch (e) {
              // a simulator stop leaves everything as it is (no allocator event after it)
              if (!isStop(e)) {
                vm.decref(lhs);
                vm.decref(rhs);
              }
              throw e;
            }
            if (res === DEFERRED) {
              // the caller waits in COMPARE_OP (its 2 cache words after it); the operands go after the rest
              const callee = deferredOperands(it, lhs, rhs);
              callee.resumeSkip = 2;
              f.ip = ip;
              f.sp = sp - 1;
              f = enterCallee(t, f, callee);
              starting = true;
              continue frames;
            }
            vm.decref(lhs);
            vm.decref(rhs);
            s[sp - 1] = res;
            ip += 2;
            break;
          }
          case O.IS_OP: {
            const rhs = s[--sp];
            const lhs = s[--sp];
            const b = (lhs === rhs) !== (arg === 1);
            vm.decref(lhs);
            vm.decref(rhs);
            s[sp++] = b ? vm.s.True : vm.s.False;
            break;
          }
          case O.CONTAINS_OP:
            sp = operand.containsOp(it, s, sp, arg);
            break;
          case O.BINARY_SUBSCR: {
            const i = ip - 1;
            if (code.quickened) {
              let form: Spec = code.spec[i];
              if (form === Spec.Generic && attemptNow(code, i))
                form = specialized(code, i, spec.subscrSpec(vm, s[sp - 2], s[sp - 1]));
              if (form !== Spec.Generic && form !== Spec.Other) {
                const r = spec.subscrSpecialized(it, code, i, form, s, sp);
                if (r >= 0) {
                  sp = r;
                  ip += 4;
                  break;
                }
              }
            }
            sp = operand.binarySubscr(it, s, sp);
            ip += 4;
            break;
          }
          case O.STORE_SUBSCR:
            sp = operand.storeSubscr(it, s, sp);
            ip += 1;
            break;
          case O.DELETE_SUBSCR:
            sp = operand.deleteSubscr(it, s, sp);
            break;
          case O.GET_ITER:
            operand.getIterInstr(it, s, sp);
            break;
          case O.FOR_ITER: {
            const iter = s[sp - 1];
            const type = table.type[iter];
            // a built-in iterator ends by returning NULL; one written in Python raises StopIteration
            let next: number;
            if (type < T.FirstDynamic && type !== T.Generator) {
              // map_next, filter_next: their Python function may run in this loop (deferredcalls.ts)
              // (a marked iternext takes the permission first thing: it is never left armed)
              it.deferArmed = iterNextDefers(it, type);
              try {
                next = vm.types[type].iternext!(vm, iter);
              } catch (e) {
                // a StopIteration out of map's function ends the loop (FOR_ITER clears it)
                if (!gen.isStopIteration(it, e)) throw e;
                next = 0;
              }
              if (next === DEFERRED) {
                const callee = takeDeferred(it);
                callee.forIterJump = arg;
                f.ip = ip;
                f.sp = sp;
                f = enterCallee(t, f, callee);
                starting = true;
                continue frames;
              }
            } else next = type === T.Generator ? gen.iterNext(it, iter) : build.pyIterNext(it, iter);
            if (next !== 0) {
              s[sp++] = next;
              break;
            }
            // the iterator ended normally (no StopIteration object, or one cleared)
            sp--;
            vm.decref(iter);
            ip += arg;
            break;
          }
          case O.JUMP_FORWARD:
            ip += arg;
            break;
          case O.JUMP_BACKWARD:
            if (!code.quickened) it.warm(code);
            ip -= arg;
            if (breakerPauses(it, f, ip, sp)) return PAUSED;
            break;
          case O.JUMP_BACKWARD_NO_INTERRUPT:
            ip -= arg;
            break;
          case O.POP_JUMP_FORWARD_IF_FALSE:
          case O.POP_JUMP_BACKWARD_IF_FALSE:
          case O.POP_JUMP_FORWARD_IF_TRUE:
          case O.POP_JUMP_BACKWARD_IF_TRUE: {
            const v = s[--sp];
            const b = v === vm.s.True ? true : v === vm.s.False ? false : operand.truthReleased(it, v);
            const wantTrue = op === O.POP_JUMP_FORWARD_IF_TRUE || op === O.POP_JUMP_BACKWARD_IF_TRUE;
            if (b === wantTrue) {
              if (op === O.POP_JUMP_FORWARD_IF_FALSE || op === O.POP_JUMP_FORWARD_IF_TRUE) ip += arg;
              else {
                ip -= arg;
                if (breakerPauses(it, f, ip, sp)) return PAUSED;
              }
            }
            break;
          }
          case O.POP_JUMP_FORWARD_IF_NONE:
          case O.POP_JUMP_BACKWARD_IF_NONE:
          case O.POP_JUMP_FORWARD_IF_NOT_NONE:
          case O.POP_JUMP_BACKWARD_IF_NOT_NONE: {
            const v = s[--sp];
            const isNone = v === vm.s.None;
            vm.decref(v);
            const want = op === O.POP_JUMP_FORWARD_IF_NONE || op === O.POP_JUMP_BACKWARD_IF_NONE;
            if (isNone === want) {
              if (op === O.POP_JUMP_FORWARD_IF_NONE || op === O.POP_JUMP_FORWARD_IF_NOT_NONE) ip += arg;
              else {
                ip -= arg;
                if (breakerPauses(it, f, ip, sp)) return PAUSED;
              }
            }
            break;
          }
          case O.JUMP_IF_FALSE_OR_POP:
          case O.JUMP_IF_TRUE_OR_POP: {
            const v = s[sp - 1];
            const b = v === vm.s.True ? true : v === vm.s.False ? false : isTrue(vm, v);
            if (b === (op === O.JUMP_IF_TRUE_OR_POP)) ip += arg;
            else {
              sp--;
              vm.decref(v);
            }
            break;
          }
          case O.LOAD_GLOBAL: {
            const v = names.loadGlobal(it, f, code.names[arg >> 1]);
            if (arg & 1) s[sp++] = 0;
            s[sp++] = v;
            ip += 5;
            break;
          }
          case O.LOAD_NAME:
            s[sp] = names.loadName(it, f, code.names[arg]);
            sp++;
            break;
          case O.STORE_NAME:
            sp = attr.storeNameInstr(it, f, s, sp, code.names[arg]);
            break;
          case O.STORE_GLOBAL:
            sp = attr.storeGlobal(it, f, s, sp, code.names[arg]);
            break;
          case O.LOAD_ATTR:
            sp = attr.loadAttr(it, code, s, sp, arg);
            ip += 4;
            break;
          case O.STORE_ATTR:
            sp = attr.storeAttr(it, code, s, sp, arg);
            ip += 4;
            break;
          case O.LOAD_METHOD:
            sp = attr.loadMethod(it, code, s, sp, arg);
            ip += 10;
            break;
          case O.BUILD_TUPLE:
            sp = build.buildTuple(it, s, sp, arg);
            break;
          case O.BUILD_LIST:
            sp = build.buildList(it, s, sp, arg);
            break;
          case O.LIST_APPEND: {
            const v = s[--sp];
            listAppend(vm, s[sp - arg], v);
            break;
          }
          case O.SET_ADD:
            sp = operand.setAddInstr(it, s, sp, arg);
            break;
          case O.MAP_ADD:
            sp = operand.mapAddInstr(it, s, sp, arg);
            break;
          case O.UNPACK_SEQUENCE: {
            const i = ip - 1;
            let direct = false;
            if (code.quickened) {
              let form: Spec = code.spec[i];
              if (form === Spec.Generic && attemptNow(code, i))
                form = specialized(code, i, spec.unpackSpec(table, s[sp - 1], arg));
              if (form !== Spec.Generic) {
                direct = spec.unpackGuard(table, form, s[sp - 1], arg);
                if (!direct) miss(code, i);
              }
            }
            sp = build.unpackSequence(it, s, sp, arg, direct);
            ip += 1;
            break;
          }
          case O.PRECALL: {
            const isMeth = s[sp - arg - 2] !== 0;
            const fnIdx = sp - arg - 1 - (isMeth ? 1 : 0);
            // the CALL after it runs generic (a C FASTCALL function's vectorcall counts the depth)
            it.genericCall = true;
            if (code.quickened) {
              const i = ip - 1;
              let form: Spec = code.spec[i];
              if (form === Spec.Generic && attemptNow(code, i))
                form = specialized(code, i, spec.precallSpec(it, s[fnIdx], arg, isMeth, kwnames));
              if (form !== Spec.Generic && form !== Spec.PrecallStr1) {
                if (spec.precallGuard(vm, form, s[fnIdx], kwnames)) it.genericCall = false;
                else miss(code, i);
              }
              if (form === Spec.PrecallStr1) {
                if (!isMeth && s[fnIdx] === it.strType && kwnames === 0) {
                  sp = spec.precallStr1(it, s, sp);
                  ip += 1 + 5; // PRECALL's cache, then SKIP_CALL(): the CALL and its caches
                  if (it.deferred !== null) {
                    // str(x)'s __str__ runs here; its result goes to the slot precallStr1 left empty
                    f = enterDeferredResult(it, f, ip, sp);
                    starting = true;
                    continue frames;
                  }
                  break;
                }
                miss(code, i);
              }
            }
            if (!isMeth) calls.unpackBoundMethod(it, s, sp, arg);
            ip += 1;
            break;
          }
          case O.KW_NAMES:
            kwnames = consts[arg];
            break;
          case O.CALL: {
            f.ip = ip + 4;
            const r = calls.call(it, s, sp, arg, kwnames);
            kwnames = 0;
            if (r.frame !== null) {
              // _PyEvalFramePushAndInit: the callee runs in this loop
              f.sp = r.sp;
              const callee = r.frame;
              // a C callable's deferred callee (deferredcalls.ts): the caller is still in CALL
              if (callee.conts !== null) {
                f.ip = ip;
                callee.resumeSkip = 4; // INLINE_CACHE_ENTRIES_CALL
              }
              f = enterCallee(t, f, callee);
              starting = true;
              continue frames;
            }
            sp = r.sp;
            ip += 4;
            if (r.paused) {
              f.ip = ip;
              f.sp = sp;
              // a thread blocked in the call (lock.acquire, sleep, join): it keeps its frames
              if (it.yielding) return PAUSED;
              // the module frame stops at a step marker, as a generator at a yield
              t.leaveRecursive();
              t.current = f.previous;
              return PAUSED;
            }
            break;
          }
          case O.CALL_FUNCTION_EX: {
            f.ip = ip;
            const r = calls.callFunctionEx(it, s, sp, arg);
            if (r.frame !== null) {
              // _PyEvalFramePushAndInit_Ex (3.12+): the callee runs in this loop
              f.sp = r.sp;
              f = enterCallee(t, f, r.frame);
              starting = true;
              continue frames;
            }
            sp = r.sp;
            if (it.yielding) {
              f.ip = ip;
              f.sp = sp;
              return PAUSED;
            }
            break;
          }
          case O.RETURN_VALUE: {
            const retval = s[--sp];
            f.sp = sp;
            t.leaveRecursive();
            if (f.isEntry) {
              t.current = f.previous;
              return retval;
            }
            // pop_frame: the frame is cleared before the caller sees the value; what raises
            // from here (a deferred frame's C rest) is the error of the caller's waiting instruction
            const dying = f;
            f = dying.previous!;
            t.current = f;
            sp = f.sp;
            ip = f.ip;
            const next = giveReturn(it, dying, retval);
            // the C rest called Python again (its next key, item, reflected method): that frame next
            if (next !== f) {
              f = next;
              starting = true;
            }
            continue frames;
          }
          case O.MAKE_FUNCTION:
            sp = calls.makeFunction(it, f, s, sp, arg);
            break;
          case O.MAKE_CELL:
            calls.makeCell(it, s, base + arg);
            break;
          case O.COPY_FREE_VARS:
            calls.copyFreeVars(it, f, arg);
            break;
          case O.LOAD_CLOSURE: {
            const v = s[base + arg];
            if (v === 0) throw names.unboundLocal(it, code, arg);
            vm.incref(v);
            s[sp++] = v;
            break;
          }
          case O.LOAD_DEREF: {
            const v = table.ref[s[base + arg]];
            if (v === 0) throw names.unboundDeref(it, code, arg);
            vm.incref(v);
            s[sp++] = v;
            break;
          }
          case O.STORE_DEREF: {
            const cell = s[base + arg];
            const old = table.ref[cell];
            table.ref[cell] = s[--sp];
            if (old !== 0) vm.decref(old);
            break;
          }
          case O.BEFORE_WITH:
            sp = special.beforeWith(it, s, sp);
            if (it.yielding) {
              // `with lock:` waited for the lock
              f.ip = ip;
              f.sp = sp;
              return PAUSED;
            }
            break;
          case O.RETURN_GENERATOR: {
            f.ip = ip;
            f.sp = sp;
            const g = gen.returnGenerator(it, f);
            t.leaveRecursive();
            if (f.isEntry) {
              t.current = f.previous;
              return g;
            }
            f = f.previous!;
            t.current = f;
            f.slots[f.sp++] = g;
            continue frames;
          }
          case O.YIELD_VALUE: {
            const retval = s[--sp];
            f.sp = sp;
            f.ip = ip;
            gen.suspend(it, f);
            t.leaveRecursive();
            t.current = f.previous;
            return retval;
          }
          case O.SEND: {
            const r = gen.send(it, s, sp);
            if (r < 0) {
              // PYGEN_RETURN: the value replaced the receiver; jump past the yield loop
              sp = -r - 1;
              ip += arg;
            } else sp = r;
            break;
          }
          default:
            // the instructions off the hot path (coldops.ts)
            sp = coldInstr(it, f, s, sp, ip, op, arg);
            if (it.deferred !== null) {
              // FORMAT_VALUE's __format__/__str__ runs here; its result goes to the slot left empty
              f = enterDeferredResult(it, f, ip, sp);
              starting = true;
              continue frames;
            }
            break;
        }
      }
    } catch (e) {
      // frame->prev_instr: the instruction that raised (a RERAISE set its own); a stop without a
      // line gets this one
      if (!(e instanceof unwind.Reraise)) f.ip = ip;
      if (e instanceof PyError && e.excType < 0 && e.line === 0) e.line = stopLine(f, ip);
      err = e;
    }
  }
}
