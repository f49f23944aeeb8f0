import { asyncGenWrap } from './asyncgen';
import * as aio from './asyncops';
import * as build from './build';
import * as exceptStar from './exceptstar';
import type { Frame } from './frame';
import * as gen from './genops';
import type { Interpreter } from './interpreter';
import * as names from './names';
import * as operand from './operandops';
import { O } from './ops';
import * as special from './specialops';
import * as unwind from './unwind';

/**
 * The instructions of _PyEval_EvalFrameDefault off the hot path, dispatched from loop.ts's
 * `default:` (one call and a second switch: each of these allocates or looks up far more than
 * that costs): building containers and strings, deleting names, pattern matching, exception
 * handling, imports and class bodies, await and yield from. None switches frames or moves the
 * instruction pointer (the loop keeps those); each returns the new stack pointer. `ip` is the
 * loop's (past this instruction's word): what raises sets frame->prev_instr from it.
 */
export function coldInstr(
  it: Interpreter,
  f: Frame,
  s: Int32Array,
  sp: number,
  ip: number,
  op: number,
  arg: number,
): number {
  const vm = it.vm;
  const table = vm.table;
  const code = f.code;
  const base = f.base;
  switch (op) {
    case O.DELETE_DEREF: {
      const cell = s[base + arg];
      const old = table.ref[cell];
      if (old === 0) throw names.unboundDeref(it, code, arg);
      table.ref[cell] = 0;
      vm.decref(old);
      break;
    }
    case O.LOAD_CLASSDEREF:
      s[sp] = names.loadClassDeref(it, f, arg);
      sp++;
      break;
    case O.DELETE_NAME:
      names.deleteName(it, f, code.names[arg]);
      break;
    case O.DELETE_GLOBAL:
      names.deleteGlobal(it, f, code.names[arg]);
      break;
    case O.DELETE_ATTR:
      sp = operand.deleteAttr(it, s, sp, names.nameText(vm, code, arg));
      break;
    case O.BUILD_SET:
      sp = build.buildSet(it, s, sp, arg);
      break;
    case O.BUILD_MAP:
      sp = build.buildMap(it, s, sp, arg);
      break;
    case O.BUILD_CONST_KEY_MAP:
      sp = build.buildConstKeyMap(it, s, sp, arg);
      break;
    case O.BUILD_STRING:
      sp = build.buildString(it, s, sp, arg);
      break;
    case O.BUILD_SLICE:
      sp = build.buildSlice(it, s, sp, arg);
      break;
    case O.LIST_EXTEND:
      sp = build.listExtend(it, s, sp, arg);
      break;
    case O.SET_UPDATE:
      sp = build.setUpdate(it, s, sp, arg);
      break;
    case O.DICT_UPDATE:
      sp = build.dictUpdate(it, s, sp, arg);
      break;
    case O.DICT_MERGE:
      sp = build.dictMerge(it, s, sp, arg);
      break;
    case O.LIST_TO_TUPLE:
      build.listToTuple(it, s, sp);
      break;
    case O.UNPACK_EX:
      sp = build.unpackEx(it, s, sp, arg);
      break;
    case O.FORMAT_VALUE:
      sp = build.formatValue(it, s, sp, arg);
      break;
    case O.GET_LEN:
      sp = special.getLen(it, s, sp);
      break;
    case O.MATCH_MAPPING:
    case O.MATCH_SEQUENCE:
      s[sp] = special.matchKind(it, s[sp - 1], op === O.MATCH_MAPPING);
      sp++;
      break;
    case O.MATCH_KEYS:
      sp = special.matchKeys(it, s, sp);
      break;
    case O.MATCH_CLASS:
      sp = special.matchClass(it, s, sp, arg);
      break;
    case O.PUSH_EXC_INFO:
      sp = unwind.pushExcInfo(it, s, sp);
      break;
    case O.POP_EXCEPT:
      sp = unwind.popExcept(it, s, sp);
      break;
    case O.CHECK_EXC_MATCH:
      sp = unwind.checkExcMatch(it, s, sp);
      break;
    case O.CHECK_EG_MATCH:
      sp = exceptStar.checkEgMatch(it, s, sp);
      break;
    case O.PREP_RERAISE_STAR:
      sp = exceptStar.prepReraiseStarOp(it, s, sp);
      break;
    case O.RERAISE:
      f.ip = ip;
      unwind.reraise(it, f, s, sp, arg);
      // reraise sets f.ip (the original instruction) and throws
      break;
    case O.RAISE_VARARGS:
      f.ip = ip;
      sp = unwind.raiseVarargs(it, f, s, sp, arg);
      break;
    case O.LOAD_ASSERTION_ERROR:
      s[sp] = special.assertionError(it);
      sp++;
      break;
    case O.WITH_EXCEPT_START:
      sp = special.withExceptStart(it, s, sp);
      break;
    case O.LOAD_BUILD_CLASS:
      s[sp] = special.loadBuildClass(it);
      sp++;
      break;
    case O.SETUP_ANNOTATIONS:
      special.setupAnnotations(it, f);
      break;
    case O.IMPORT_NAME:
      f.ip = ip;
      sp = special.importName(it, f, s, sp, code.names[arg]);
      break;
    case O.IMPORT_FROM:
      s[sp] = special.importFrom(it, s[sp - 1], code.names[arg]);
      sp++;
      break;
    case O.IMPORT_STAR:
      sp = special.importStar(it, f, s, sp);
      break;
    case O.PRINT_EXPR:
      throw it.unsupported('interactive mode (PRINT_EXPR)');
    case O.GET_YIELD_FROM_ITER:
      gen.getYieldFromIter(it, f, s, sp);
      break;
    case O.GET_AWAITABLE:
      aio.getAwaitable(it, s, sp, arg);
      break;
    case O.GET_AITER:
      aio.getAiter(it, s, sp);
      break;
    case O.GET_ANEXT:
      sp = aio.getAnext(it, s, sp);
      break;
    case O.BEFORE_ASYNC_WITH:
      sp = aio.beforeAsyncWith(it, s, sp);
      break;
    case O.END_ASYNC_FOR:
      sp = aio.endAsyncFor(it, s, sp, ip - 1);
      break;
    case O.ASYNC_GEN_WRAP:
      s[sp - 1] = asyncGenWrap(it, s[sp - 1]);
      break;
    default:
      throw new Error(`internal: opcode ${op} at ${ip - 1} in ${code.name}`);
  }
  return sp;
}
