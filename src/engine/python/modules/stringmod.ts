import type { Vm } from '../runtime/vm';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * string (Lib/string.py: Python in the real library, so Python here). The constants, capwords
 * (split, str.capitalize over map, join: the real function's one line of work) and Template, whose
 * substitute/safe_substitute run re.sub with a converter as the real class does. The import costs
 * its recorded footprint (string and _string, about 2,500 pymalloc calls); the body runs accounted.
 * Template's pattern is compiled per class in __init_subclass__ (a subclass's delimiter, idpattern,
 * braceidpattern or its own pattern, with VERBOSE), as the real class does; the default identifier's
 * scoped `(?a:…)` becomes ASCII over the whole pattern (the simulator's re has no scoped flags; the
 * other parts are the escaped delimiter and `{ }`), so `Template.pattern.flags` has ASCII set where
 * the real one has UNICODE. Template's substitution is not call-exact: re.sub with a converter differs from
 * _sre's in a few transient blocks (its piece list, the order the match objects go). Not supported yet: Formatter, and substitute() given a mapping and keywords
 * together (the real one chains them in a collections.ChainMap).
 */
const STRING_SOURCE = `
whitespace = ' \\t\\n\\r\\v\\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}


class Template:
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        # each subclass's pattern is compiled from its delimiter, idpattern and braceidpattern
        # (or taken as it defines it), with re.VERBOSE, as the real class does
        super().__init_subclass__()
        if 'pattern' in cls.__dict__:
            pattern = cls.pattern
            extra = 0
        else:
            delim = _re.escape(cls.delimiter)
            id = cls.idpattern
            bid = cls.braceidpattern or cls.idpattern
            extra = 0
            # the default identifier's scoped ASCII flag as a whole-pattern flag (no other part
            # of the pattern has a letter a flag changes, the delimiter aside)
            if id == _hw_default_id:
                id = _hw_default_id[4:-1]
                extra = _re.ASCII
            if bid == _hw_default_id:
                bid = _hw_default_id[4:-1]
                extra = _re.ASCII
            pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |
              (?P<named>{id})       |
              {{(?P<braced>{bid})}} |
              (?P<invalid>)
            )
            """
        cls.pattern = _re.compile(pattern, cls.flags | _re.VERBOSE | extra)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            _hw_unsupported('string.Template.substitute with a mapping and keywords together')

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern', self.pattern)

        return self.pattern.sub(convert, self.template)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            _hw_unsupported('string.Template.safe_substitute with a mapping and keywords together')

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern', self.pattern)

        return self.pattern.sub(convert, self.template)

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if mo.group('named') is None and mo.group('braced') is None and mo.group('escaped') is None:
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return True

    def get_identifiers(self):
        ids = []
        for mo in self.pattern.finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif named is None and mo.group('invalid') is None and mo.group('escaped') is None:
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


_hw_default_id = Template.idpattern
Template.__init_subclass__()


class Formatter:
    def __init__(self, *args, **kwargs):
        _hw_unsupported('string.Formatter')
`;

function loadString(vm: Vm, importModule: (name: string) => number): number {
  const re = importModule('re');
  try {
    const globals = runPythonPart(vm, 'string', STRING_SOURCE, {
      _re: re,
      _hw_unsupported: unsupportedHelper(vm, 'string'),
    });
    return moduleFromGlobals(vm, 'string', globals);
  } finally {
    vm.decref(re);
  }
}

export const stringModule: ModuleSpec = { name: 'string', load: loadString };
