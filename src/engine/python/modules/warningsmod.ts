import { builtinStatic } from '../objects/descr';
import { fromSsize, intValue } from '../objects/int';
import { dictSetItem } from '../objects/dict';
import { intern } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { Meth } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { interpOf } from './host';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/** The part's own frames (runPythonPart's filename): warn's stacklevel skips them. */
const SRCFILE = '<warnings>';

/**
 * warnings (loaded at start-up in every interpreter here, so its import costs nothing): the filters
 * list with 3.11's five defaults, filterwarnings/simplefilter/resetwarnings, warn and warn_explicit
 * as _warnings.c runs them (the caller's `__warningregistry__` dict made in its globals, keyed by
 * (text, category, lineno); the 'default', 'once', 'module', 'always', 'ignore' and 'error'
 * actions; onceregistry), showwarning/formatwarning as warnings.py writes them to sys.stderr
 * ("file:line: Category: message" and the source line, read through linecache, whose import and
 * kept lines cost what they cost), WarningMessage and catch_warnings (record=True). Not modelled:
 * -W options, the `source` argument's tracemalloc traceback.
 */
const WARNINGS_SOURCE = `
import sys

filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def showwarning(message, category, filename, lineno, file=None, line=None):
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\\n"
    if msg.line is None:
        import linecache
        line = linecache.getline(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\\n" % line
    return s


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    sw = showwarning
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    fw = formatwarning
    if fw is not _formatwarning_orig:
        return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    assert action in ("error", "ignore", "always", "default", "module", "once"), "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    if message or module:
        import re
    if message:
        message = re.compile(message, re.I)
    else:
        message = None
    if module:
        module = re.compile(module)
    else:
        module = None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    assert action in ("error", "ignore", "always", "default", "module", "once"), "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def resetwarnings():
    filters[:] = []
    _filters_mutated()


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    globals, filename, lineno = _hw_caller(stacklevel)
    if globals is None:
        globals = sys.__dict__
        filename = "sys"
        lineno = 0
    module = globals.get("__name__", "<string>")
    registry = globals.get("__warningregistry__")
    if registry is None:
        registry = globals["__warningregistry__"] = {}
    warn_explicit(message, category, filename, lineno, module, registry, None, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module) and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    # _warnings.c warn_explicit: every action but 'always' marks the key first
    if action != "always":
        registry[key] = True
    if action == "once":
        # update_registry on the module's registry (onceregistry only without one)
        oncekey = (text, category)
        if registry.get(oncekey):
            return
        registry[oncekey] = True
    elif action == "module":
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = True
    elif action in ("always", "default"):
        pass
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\\n %s" % (action, item))
    msg = WarningMessage(message, category, filename, lineno, source=source)
    _showwarnmsg(msg)


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name, self.filename, self.lineno, self.line))


class catch_warnings(object):

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = _hw_self if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not _hw_self:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        else:
            return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl
`;

/**
 * The caller's (globals, co_filename, lineno) at `stacklevel` (_warnings.c setup_context): frames
 * of this part skipped; (None, None, None) past the outermost frame.
 */
function caller(vm: Vm, stacklevel: number): number {
  const interp = interpOf(vm);
  let depth = 0;
  let level = stacklevel;
  let f = interp.frameInfo(0);
  while (f !== null && (f.filename === SRCFILE || --level > 0)) f = interp.frameInfo(++depth);
  if (f === null) return tupleFromItems(vm, [vm.s.None, vm.s.None, vm.s.None]);
  vm.incref(f.globals);
  return tupleFromItems(vm, [f.globals, intern(vm, f.filename), fromSsize(vm, f.line)]);
}

export const warningsModule: ModuleSpec = {
  name: 'warnings',
  load: (vm) => {
    const helper = (name: string, flags: number, impl: Parameters<typeof fn>[2]): number =>
      builtinStatic(vm, fn(name, flags, impl), 'warnings');
    const globals = runPythonPart(vm, 'warnings', WARNINGS_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'warnings'),
      _hw_caller: helper('_hw_caller', Meth.O, (vm2, _s, a) => caller(vm2, Number(intValue(vm2, a[0])))),
    });
    const mod = moduleFromGlobals(vm, 'warnings', globals, true);
    // sys.modules["warnings"], which catch_warnings saves and restores the filters of
    dictSetItem(vm, globals, intern(vm, '_hw_self'), mod);
    return mod;
  },
};
