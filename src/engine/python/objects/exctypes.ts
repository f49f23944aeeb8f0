/**
 * The built-in exception types of CPython 3.11 (Objects/exceptions.c), in a fixed order: type id
 * = T.FirstException (64) + index. Each row: name, base, tp_basicsize (measured on 3.11.7:
 * `E.__basicsize__`) and the layout of its instances (the fields after PyBaseExceptionObject's
 * dict, args, notes, traceback, context, cause and suppress_context). Data only (errors.ts reads
 * the names without a Vm); objects/exceptions.ts builds the slot tables from it.
 */
export type ExcLayout =
  | 'base'
  | 'stopiteration'
  | 'systemexit'
  | 'importerror'
  | 'oserror'
  | 'syntaxerror'
  | 'unicodeerror'
  | 'nameerror'
  | 'attributeerror'
  | 'group';

export interface ExcRow {
  name: string;
  base: string | null;
  basicsize: number;
  layout: ExcLayout;
  /** The module it is defined in, when not builtins (ctypes.ArgumentError). */
  module?: string;
  /** Its bases when more than one (ExceptionGroup). */
  bases?: readonly string[];
}

const row = (name: string, base: string | null, basicsize = 72, layout: ExcLayout = 'base'): ExcRow => ({
  name,
  base,
  basicsize,
  layout,
});

export const EXCEPTION_ROWS: readonly ExcRow[] = [
  row('BaseException', null),
  row('BaseExceptionGroup', 'BaseException', 88, 'group'),
  row('Exception', 'BaseException'),
  row('ArithmeticError', 'Exception'),
  row('FloatingPointError', 'ArithmeticError'),
  row('OverflowError', 'ArithmeticError'),
  row('ZeroDivisionError', 'ArithmeticError'),
  row('AssertionError', 'Exception'),
  row('AttributeError', 'Exception', 88, 'attributeerror'),
  row('BufferError', 'Exception'),
  row('EOFError', 'Exception'),
  row('ImportError', 'Exception', 96, 'importerror'),
  row('ModuleNotFoundError', 'ImportError', 96, 'importerror'),
  row('LookupError', 'Exception'),
  row('IndexError', 'LookupError'),
  row('KeyError', 'LookupError'),
  row('MemoryError', 'Exception'),
  row('NameError', 'Exception', 80, 'nameerror'),
  row('UnboundLocalError', 'NameError', 80, 'nameerror'),
  row('OSError', 'Exception', 112, 'oserror'),
  row('BlockingIOError', 'OSError', 112, 'oserror'),
  row('ChildProcessError', 'OSError', 112, 'oserror'),
  row('ConnectionError', 'OSError', 112, 'oserror'),
  row('BrokenPipeError', 'ConnectionError', 112, 'oserror'),
  row('ConnectionAbortedError', 'ConnectionError', 112, 'oserror'),
  row('ConnectionRefusedError', 'ConnectionError', 112, 'oserror'),
  row('ConnectionResetError', 'ConnectionError', 112, 'oserror'),
  row('FileExistsError', 'OSError', 112, 'oserror'),
  row('FileNotFoundError', 'OSError', 112, 'oserror'),
  row('InterruptedError', 'OSError', 112, 'oserror'),
  row('IsADirectoryError', 'OSError', 112, 'oserror'),
  row('NotADirectoryError', 'OSError', 112, 'oserror'),
  row('PermissionError', 'OSError', 112, 'oserror'),
  row('ProcessLookupError', 'OSError', 112, 'oserror'),
  row('TimeoutError', 'OSError', 112, 'oserror'),
  row('ReferenceError', 'Exception'),
  row('RuntimeError', 'Exception'),
  row('NotImplementedError', 'RuntimeError'),
  row('RecursionError', 'RuntimeError'),
  row('StopAsyncIteration', 'Exception'),
  row('StopIteration', 'Exception', 80, 'stopiteration'),
  row('SyntaxError', 'Exception', 136, 'syntaxerror'),
  row('IndentationError', 'SyntaxError', 136, 'syntaxerror'),
  row('TabError', 'IndentationError', 136, 'syntaxerror'),
  row('SystemError', 'Exception'),
  row('TypeError', 'Exception'),
  row('ValueError', 'Exception'),
  row('UnicodeError', 'ValueError'),
  row('UnicodeDecodeError', 'UnicodeError', 112, 'unicodeerror'),
  row('UnicodeEncodeError', 'UnicodeError', 112, 'unicodeerror'),
  row('UnicodeTranslateError', 'UnicodeError', 112, 'unicodeerror'),
  row('Warning', 'Exception'),
  row('BytesWarning', 'Warning'),
  row('DeprecationWarning', 'Warning'),
  row('EncodingWarning', 'Warning'),
  row('FutureWarning', 'Warning'),
  row('ImportWarning', 'Warning'),
  row('PendingDeprecationWarning', 'Warning'),
  row('ResourceWarning', 'Warning'),
  row('RuntimeWarning', 'Warning'),
  row('SyntaxWarning', 'Warning'),
  row('UnicodeWarning', 'Warning'),
  row('UserWarning', 'Warning'),
  row('GeneratorExit', 'BaseException'),
  row('KeyboardInterrupt', 'BaseException'),
  row('SystemExit', 'BaseException', 80, 'systemexit'),
  // PyErr_NewException("builtins.ExceptionGroup", (BaseExceptionGroup, Exception)): a heap type
  // in CPython (basicsize 96), made after the static ones; the MRO runs through both bases
  {
    name: 'ExceptionGroup',
    base: 'BaseExceptionGroup',
    basicsize: 96,
    layout: 'group',
    bases: ['BaseExceptionGroup', 'Exception'],
  },
  // Not builtins: ctypes' own (a class made by _ctypes at import, already loaded in the recorder).
  { name: 'ArgumentError', base: 'Exception', basicsize: 72, layout: 'base', module: 'ctypes' },
];

/** T.FirstException (objects/types.ts): kept here as a number so this file imports nothing. */
const FIRST_EXCEPTION = 64;

/** Exception type ids by name ('ctypes.ArgumentError' for the non-builtins), and names by index. */
export const EXCEPTION_IDS = new Map<string, number>();
export const EXCEPTION_NAMES: string[] = [];
EXCEPTION_ROWS.forEach((r, i) => {
  EXCEPTION_IDS.set(r.module ? `${r.module}.${r.name}` : r.name, FIRST_EXCEPTION + i);
  EXCEPTION_NAMES.push(r.name);
});
/** The aliases builtins also binds. */
EXCEPTION_IDS.set('EnvironmentError', EXCEPTION_IDS.get('OSError')!);
EXCEPTION_IDS.set('IOError', EXCEPTION_IDS.get('OSError')!);

/** The type id of a built-in exception by name (throws on a typo: a programming error). */
export function exc(name: string): number {
  const id = EXCEPTION_IDS.get(name);
  if (id === undefined) throw new Error(`internal: no exception type ${name}`);
  return id;
}

/** The ids the simulator's own code raises most, resolved once. */
export const E = {
  BaseException: exc('BaseException'),
  Exception: exc('Exception'),
  TypeError: exc('TypeError'),
  ValueError: exc('ValueError'),
  IndexError: exc('IndexError'),
  KeyError: exc('KeyError'),
  AttributeError: exc('AttributeError'),
  NameError: exc('NameError'),
  UnboundLocalError: exc('UnboundLocalError'),
  ZeroDivisionError: exc('ZeroDivisionError'),
  OverflowError: exc('OverflowError'),
  MemoryError: exc('MemoryError'),
  StopIteration: exc('StopIteration'),
  StopAsyncIteration: exc('StopAsyncIteration'),
  RecursionError: exc('RecursionError'),
  RuntimeError: exc('RuntimeError'),
  SystemError: exc('SystemError'),
  NotImplementedError: exc('NotImplementedError'),
  ImportError: exc('ImportError'),
  ModuleNotFoundError: exc('ModuleNotFoundError'),
  SyntaxError: exc('SyntaxError'),
  OSError: exc('OSError'),
  UnicodeDecodeError: exc('UnicodeDecodeError'),
  UnicodeEncodeError: exc('UnicodeEncodeError'),
  AssertionError: exc('AssertionError'),
  LookupError: exc('LookupError'),
  GeneratorExit: exc('GeneratorExit'),
  SystemExit: exc('SystemExit'),
  ArgumentError: exc('ctypes.ArgumentError'),
} as const;

export const LAST_EXCEPTION = FIRST_EXCEPTION + EXCEPTION_ROWS.length - 1;
