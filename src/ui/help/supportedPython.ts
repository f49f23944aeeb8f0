/**
 * The Python Highwater runs today, as the page lists it beside the editor and the README cites it.
 * One list, kept here: update it when the interpreter (src/engine/python) learns more. Anything
 * outside it stops the run with "not supported by Highwater yet: X (line N)", never a wrong answer.
 */
export interface SupportedGroup {
  title: string;
  items: string[];
}

export const SUPPORTED_PYTHON: readonly SupportedGroup[] = [
  {
    title: 'Statements',
    items: [
      'assignment, star-unpacking, augmented assignment, the walrus (:=), del of names, items, slices and attributes',
      'if / elif / else, for / while (with else), break, continue, pass, match / case, assert',
      'def with defaults, *args, **kwargs, keyword-only arguments; lambda; decorators; global and nonlocal',
      'class with inheritance, super(), __slots__, properties, classmethod / staticmethod, metaclasses, the dunder methods',
      "try / except / else / finally, raise, raise … from; with (your context managers and the library's)",
      'generators (yield, yield from, send, throw, close), generator expressions; async def, await, async for / async with, async generators and comprehensions',
      'import and from … import of the modules below; from __future__ import annotations (and the other features); if __name__ == "__main__" (the script runs as __main__, with the globals python script.py gives it: __file__ is /home/user/script.py in the page and the file\'s absolute path in the CLI, __loader__, __doc__, __spec__, __annotations__)',
    ],
  },
  {
    title: 'Expressions and types',
    items: [
      "int (any size), float (glibc's last bits for **, exp, log, sin, …), complex, bool, None, str, bytes, bytearray, memoryview",
      'list, tuple, dict, set, frozenset, range, slices; comprehensions of every kind',
      'f-strings with format specs, str.format, % formatting, repr/str of everything',
      'print() and sys.stderr (warnings, logging, print(file=sys.stderr)) shown in the order a terminal shows them',
      'the builtins people use: len, range, sum, min, max, sorted, reversed, enumerate, zip, map, filter, any, all, isinstance, getattr, setattr, hasattr, id, type, vars, locals, globals, open, print, input-free I/O …',
    ],
  },
  {
    title: 'Modules',
    items: [
      'collections (deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap, UserDict, UserList, abc), itertools, functools (lru_cache, partial, reduce, wraps, cached_property), operator',
      'array, bisect, heapq, copy, struct, mmap, io (StringIO, BytesIO), csv, json, pickle, zlib, hashlib, uuid',
      'gzip (compress, decompress, GzipFile and gzip.open writing to a BytesIO or a file; not read or text mode)',
      'zipfile (ZipFile read/write/extract over a BytesIO or a file), xml.etree.ElementTree (parse, iterparse, fromstring, tostring, find/findall/iter, building trees)',
      'math, cmath (sqrt, exp, log, log10, phase, polar, rect, sin/cos/sinh/cosh, isclose; finite arguments), random (seeded as CPython seeds it), statistics (NormalDist included), decimal, fractions',
      'difflib (SequenceMatcher and its ratios, opcodes and autojunk, unified_diff, context_diff, ndiff, Differ, get_close_matches, restore, diff_bytes; not HtmlDiff), shlex (split, quote, join, the shlex lexer), getopt (getopt, gnu_getopt)',
      'argparse (ArgumentParser, add_argument with type/default/action/nargs/choices, groups, mutually exclusive groups, subparsers, parse_args and parse_known_args, help and usage text, errors as SystemExit(2) with the usage on stderr); sys.exit ends the run as CPython does (no traceback)',
      'fnmatch (fnmatch, fnmatchcase, filter, translate; str patterns)',
      'urllib.parse (urlparse, urlsplit with its lru_cache, urljoin, urlunparse, urldefrag, quote/quote_plus/unquote, urlencode, parse_qs/parse_qsl; str and bytes; hostname/port/username/password), html (escape, unescape, html.entities), copyreg (not copyreg.pickle: copy and pickle do not consult its table)',
      'string.Template and its subclasses (delimiter, idpattern, braceidpattern, pattern), string.Formatter (format, vformat, parse, get_field and the other overridable methods)',
      "sqlite3 (connect to ':memory:' or a file, execute/executemany/executescript with ? and :name parameters, cursors, fetchone/fetchmany/fetchall and iteration, sqlite3.Row, commit/rollback and `with con:`, the statement cache; SQL: CREATE TABLE/INDEX, DROP, INSERT [OR REPLACE/IGNORE] … VALUES/SELECT, SELECT with WHERE, JOIN, GROUP BY, HAVING, ORDER BY, LIMIT, aggregates and the common scalar functions, UPDATE, DELETE, VACUUM, PRAGMA page_count/cache_size; SQLite's own pages, journal and statements in glibc's heap; not user functions, adapters/converters, subqueries or compound SELECTs)",
      'graphlib (TopologicalSorter: static_order, prepare/get_ready/done, CycleError)',
      'atexit (register with arguments, unregister, handlers run at exit last first, in the CLI and in the page (their output ends the last statement’s), an exception in one printed and the next run; weakref.finalize objects still alive run at exit), signal (Signals/Handlers, signal, getsignal, raise_signal and os.kill of the process itself running the handler, default_int_handler, strsignal, valid_signals; not alarm/setitimer), importlib.import_module (not reload)',
      'platform (python_version, system, machine, platform(), uname, … as this machine answers under each release)',
      "ipaddress (ip_address, ip_network, ip_interface, IPv4/IPv6 addresses, networks and interfaces, hosts() and iteration, subnets, supernet, address_exclude, collapse_addresses, summarize_address_range, is_private and the other tests, format specs), locale (setlocale, getlocale, getpreferredencoding, getencoding, localeconv, format_string, str/atof/atoi, strcoll/strxfrm on this machine's C and C.UTF-8 locales)",
      're, string, textwrap, pprint, datetime, time, timeit, enum, dataclasses, typing, abc, contextlib (async too), types, errno',
      'os, os.path, pathlib, shutil, tempfile, resource, sys (getsizeof, getrefcount, intern, sys.modules: reading it, deleting an entry to import a module again, setting one; types.ModuleType), gc, weakref, tracemalloc, logging (%- and {-style formatters), logging.handlers (RotatingFileHandler, MemoryHandler, BufferingHandler, QueueHandler, QueueListener; not the timed, watched, socket, syslog, SMTP or HTTP handlers), __file__ of modules, traceback (format_exc, print_exc, format_exception, …), warnings (warn, filters, catch_warnings), linecache, keyword, numbers',
      'threading, queue, concurrent.futures (threads run as the OS would schedule them, with the GIL)',
      'asyncio (run, tasks, gather, wait, wait_for, as_completed, sleep, Queue, Lock, Event, Semaphore, TaskGroup, timeout, run_in_executor, to_thread, wrap_future; time passes on the simulated clock), contextvars',
      'ctypes.CDLL("libc.so.6") (malloc_trim, malloc_stats), ctypes.util.find_library',
      'numpy: array creation, views and copies, reshaping, arithmetic, reductions, np.random, concatenate/stack, dot/matmul/@, split, tile/repeat, flip, broadcast_to, searchsorted, median/percentile/quantile, clip, meshgrid, linalg.norm, nansum/nanmean/nanstd/nanvar/nanmax/nanmin/nanargmax/nanargmin/nanprod, nan_to_num, isinf/signbit, bincount, ufunc methods (np.add.at, reduce, accumulate, outer), isclose/allclose/array_equal, result_type, astype(str), structured dtypes (np.dtype([(name, fmt), ...]), field views and assignment, records from tuples, their printing)',
      'a module that is neither in the standard library nor installed here (psutil, pympler) raises ModuleNotFoundError, as it does on these machines',
    ],
  },
  {
    title: 'Not yet',
    items: [
      "asyncio's streams, subprocesses and sockets, and other modules not listed (subprocess, multiprocessing, socket, tarfile, zoneinfo, ast, dis, …)",
      'subclasses of random.Random (secrets.SystemRandom runs on its own)',
      "textwrap.TextWrapper, datetime.astimezone() to local time, logging's '$' format style",
      "math.expm1/log1p/tanh/atanh's last bit (about 1 argument in 2,000 differs from glibc's)",
      'numpy: nanmedian/nanpercentile, histogram, lexsort, pad, unique(return_counts/return_index/return_inverse), einsum, linalg beyond norm, memmap and save/load, products of 3-d arrays, ufunc.reduceat, ufuncs and sorting on whole structured arrays (use a field), structured dtypes with align=True, sub-arrays or titles',
    ],
  },
];
