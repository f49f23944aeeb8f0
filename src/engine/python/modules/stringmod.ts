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
 * _sre's in a few transient blocks (its piece list, the order the match objects go). Formatter is the real
 * class's Python; its parse() and get_field() use _string's formatter_parser/formatter_field_name_split, which
 * are C iterators in CPython and Python here (_hw_formatter_parser: a list's iterator, so the parse pieces are
 * made at once, not lazily). Not supported yet: substitute() given a mapping and keywords together (the real
 * one chains them in a collections.ChainMap).
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


def _hw_formatter_parser(s):
    # _string.formatter_parser (MarkupIterator): (literal, field_name, format_spec, conversion) per
    # piece; a doubled brace ends a literal with one brace; a trailing literal has None for the rest
    out = []
    n = len(s)
    i = 0
    while i < n:
        start = i
        field = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                if i < n and s[i] == c:
                    break
                if c == '}':
                    raise ValueError("Single '}' encountered in format string")
                if i == n:
                    raise ValueError("Single '{' encountered in format string")
                field = True
                break
        if not field:
            out.append((s[start:i], None, None, None))
            if i < n:
                # stopped at a doubled brace: the literal kept the first, the second is skipped
                i += 1
            continue
        literal = s[start:i - 1]
        depth = 1
        fstart = i
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    break
        if depth:
            raise ValueError("expected '}' before end of string")
        body = s[fstart:i - 1]
        k = 0
        m = len(body)
        brackets = 0
        while k < m:
            c = body[k]
            if c == '[':
                brackets = 1
            elif c == ']':
                brackets = 0
            elif brackets == 0 and (c == ':' or c == '!'):
                break
            k += 1
        name = body[:k]
        conversion = None
        spec = ''
        if k < m:
            if body[k] == '!':
                if k + 1 >= m:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = body[k + 1]
                if k + 2 < m:
                    if body[k + 2] != ':':
                        raise ValueError("expected ':' after conversion specifier")
                    spec = body[k + 3:]
            else:
                spec = body[k + 1:]
        out.append((literal, name, spec, conversion))
    return iter(out)


def _hw_field_name_split(name):
    # _string.formatter_field_name_split: the first part (an int when all digits) and the rest as
    # (is_attribute, key) pairs, keys that are all digits as ints
    k = 0
    n = len(name)
    while k < n and name[k] not in '.[':
        k += 1
    first = name[:k]
    if first.isdigit():
        first = int(first)
    rest = []
    while k < n:
        c = name[k]
        k += 1
        if c == '.':
            j = k
            while k < n and name[k] not in '.[':
                k += 1
            if k == j:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name[j:k]))
        elif c == '[':
            j = k
            while k < n and name[k] != ']':
                k += 1
            if k == n:
                raise ValueError("Missing ']' in format string")
            key = name[j:k]
            if k == j:
                raise ValueError("Empty attribute in format string")
            k += 1
            rest.append((False, int(key) if key.isdigit() else key))
            if k < n and name[k] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                # '{}' numbers itself; mixing with '{0}' either way is an error
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _hw_formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _hw_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
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
