import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * locale (Lib/locale.py over Modules/_localemodule.c, 3.11) on the recorder's machine: the
 * process starts with LANG=C.UTF-8 (tools/hw_common.py), so the interpreter's start-up
 * setlocale(LC_CTYPE, "") leaves LC_CTYPE at C.UTF-8 and every other category at C; the installed
 * locales are C, C.utf8 and POSIX (`locale -a`), any other name is "unsupported locale setting".
 * _locale's setlocale/localeconv/strcoll/strxfrm are written here as Python over that state (the C
 * module is loaded at start-up, so it costs nothing); the rest is locale.py's logic, written for
 * Highwater: getlocale through normalize and _parse_localename, format_string through the %-pattern
 * regular expression, localize/delocalize/atof/atoi/str, currency's refusal under C. normalize knows
 * the aliases of the installed locales (locale_alias's 'c', 'c.utf8', 'posix' …); another name stops
 * as not supported rather than give an answer from a partial table. The import replays 3.11.7's
 * footprint (locale and _locale).
 */
const LOCALE_SOURCE = `
import re
_builtin_str = str

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding"]

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127


class Error(Exception):
    pass


Error.__module__ = 'locale'

# glibc's categories in the order its composite LC_ALL string lists them
_CATEGORY_NAMES = ['LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES',
                   'LC_PAPER', 'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE', 'LC_MEASUREMENT',
                   'LC_IDENTIFICATION']
_CATEGORY_NUMBERS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12]
_current = {n: 'C' for n in _CATEGORY_NUMBERS}
_current[LC_CTYPE] = 'C.UTF-8'
# the names glibc accepts on this machine, and what setlocale answers for each
_INSTALLED = {'C': 'C', 'POSIX': 'C', 'C.UTF-8': 'C.UTF-8', 'C.utf8': 'C.utf8'}


def _setlocale(category, locale=None):
    if not isinstance(category, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(category).__name__)
    if category != LC_ALL and category not in _current:
        raise Error('unsupported locale setting')
    if locale is None:
        if category != LC_ALL:
            return _current[category]
        values = [_current[n] for n in _CATEGORY_NUMBERS]
        if all(v == values[0] for v in values):
            return values[0]
        return ';'.join('%s=%s' % (k, v) for k, v in zip(_CATEGORY_NAMES, values))
    if not isinstance(locale, _builtin_str):
        raise TypeError('setlocale() argument 2 must be str or None, not %s' % type(locale).__name__)
    name = 'C.UTF-8' if locale == '' else locale
    if name not in _INSTALLED:
        raise Error('unsupported locale setting')
    answer = _INSTALLED[name]
    if category == LC_ALL:
        for n in _CATEGORY_NUMBERS:
            _current[n] = answer
    else:
        _current[category] = answer
    return answer


def localeconv():
    # the C and C.UTF-8 locales' lconv: nothing set (CHAR_MAX), no grouping, '.' as the point
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '', 'negative_sign': '',
            'int_frac_digits': 127, 'frac_digits': 127, 'p_cs_precedes': 127,
            'p_sep_by_space': 127, 'n_cs_precedes': 127, 'n_sep_by_space': 127,
            'p_sign_posn': 127, 'n_sign_posn': 127, 'decimal_point': '.', 'thousands_sep': '',
            'grouping': []}


def strcoll(os1, os2):
    # the C collation: code point order
    if not isinstance(os1, _builtin_str) or not isinstance(os2, _builtin_str):
        raise TypeError('strcoll() argument must be str')
    return (os1 > os2) - (os1 < os2)


def strxfrm(string):
    if not isinstance(string, _builtin_str):
        raise TypeError('strxfrm() argument must be str, not %s' % type(string).__name__)
    return string


def setlocale(category, locale=None):
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    return _setlocale(category, locale)


def getencoding():
    return 'UTF-8'


def getpreferredencoding(do_setlocale=True):
    return 'UTF-8'


def _grouping_intervals(grouping):
    last_interval = None
    for interval in grouping:
        if interval == CHAR_MAX:
            return
        if interval == 0:
            if last_interval is None:
                raise ValueError("invalid grouping")
            while True:
                yield last_interval
        yield interval
        last_interval = interval


def _group(s, monetary=False):
    conv = localeconv()
    thousands_sep = conv[monetary and 'mon_thousands_sep' or 'thousands_sep']
    grouping = conv[monetary and 'mon_grouping' or 'grouping']
    if not grouping:
        return (s, 0)
    if s[-1] == ' ':
        stripped = s.rstrip()
        right_spaces = s[len(stripped):]
        s = stripped
    else:
        right_spaces = ''
    left_spaces = ''
    groups = []
    for interval in _grouping_intervals(grouping):
        if not s or s[-1] not in "0123456789":
            left_spaces = s
            s = ''
            break
        groups.append(s[-interval:])
        s = s[:-interval]
    if s:
        groups.append(s)
    groups.reverse()
    return (left_spaces + thousands_sep.join(groups) + right_spaces,
            len(thousands_sep) * (len(groups) - 1))


def _strip_padding(s, amount):
    lpos = 0
    while amount and s[lpos] == ' ':
        lpos += 1
        amount -= 1
    rpos = len(s) - 1
    while amount and s[rpos] == ' ':
        rpos -= 1
        amount -= 1
    return s[lpos:rpos + 1]


_percent_re = re.compile(r'%(?:\\((?P<key>.*?)\\))?'
                         r'(?P<modifiers>[-#0-9 +*.hlL]*?)[eEfFgGdiouxXcrs%]')


def _format(percent, value, grouping=False, monetary=False, *additional):
    if additional:
        formatted = percent % ((value,) + additional)
    else:
        formatted = percent % value
    if percent[-1] in 'eEfFgGdiu':
        formatted = _localize(formatted, grouping, monetary)
    return formatted


def _localize(formatted, grouping=False, monetary=False):
    if '.' in formatted:
        seps = 0
        parts = formatted.split('.')
        if grouping:
            parts[0], seps = _group(parts[0], monetary=monetary)
        decimal_point = localeconv()[monetary and 'mon_decimal_point' or 'decimal_point']
        formatted = decimal_point.join(parts)
        if seps:
            formatted = _strip_padding(formatted, seps)
    else:
        seps = 0
        if grouping:
            formatted, seps = _group(formatted, monetary=monetary)
        if seps:
            formatted = _strip_padding(formatted, seps)
    return formatted


def format_string(f, val, grouping=False, monetary=False):
    percents = list(_percent_re.finditer(f))
    new_f = _percent_re.sub('%s', f)
    if isinstance(val, dict):
        new_val = []
        for perc in percents:
            if perc.group()[-1] == '%':
                new_val.append('%')
            else:
                new_val.append(_format(perc.group(), val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        new_val = []
        i = 0
        for perc in percents:
            if perc.group()[-1] == '%':
                new_val.append('%')
            else:
                starcount = perc.group('modifiers').count('*')
                new_val.append(_format(perc.group(), val[i], grouping, monetary, *val[i + 1:i + 1 + starcount]))
                i += (1 + starcount)
    val = tuple(new_val)
    return new_f % val


def currency(val, symbol=True, grouping=False, international=False):
    conv = localeconv()
    digits = conv[international and 'int_frac_digits' or 'frac_digits']
    if digits == 127:
        raise ValueError("Currency formatting is not possible using "
                         "the 'C' locale.")
    raise _hw_unsupported('locale.currency outside the C locales')


def str(val):
    return _format("%.12g", val)


def delocalize(string):
    conv = localeconv()
    ts = conv['thousands_sep']
    if ts:
        string = string.replace(ts, '')
    dd = conv['decimal_point']
    if dd:
        string = string.replace(dd, '.')
    return string


def localize(string, grouping=False, monetary=False):
    return _localize(string, grouping, monetary)


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))


# locale_alias's entries for the names this machine has (normalize's table is the real module's)
locale_alias = {'c': 'C', 'c.ascii': 'C', 'c.en': 'C', 'c.iso88591': 'en_US.ISO8859-1',
                'c.utf8': 'en_US.UTF-8', 'c_c': 'C', 'c_c.c': 'C', 'posix': 'C',
                'posix-utf2': 'C', 'en_us': 'en_US.ISO8859-1', 'en': 'en_US.ISO8859-1'}


def normalize(localename):
    code = localename.lower()
    if ':' in code:
        code = code.replace(':', '.')
    if '@' in code:
        code, modifier = code.split('@', 1)
    else:
        modifier = ''
    if '.' in code:
        langname, encoding = code.split('.')[:2]
    else:
        langname = code
        encoding = ''
    lang_enc = langname
    if encoding:
        norm_encoding = encoding.replace('-', '').replace('_', '')
        lang_enc += '.' + norm_encoding
    lookup_name = lang_enc
    if modifier:
        lookup_name += '@' + modifier
    if lookup_name in locale_alias:
        return locale_alias[lookup_name]
    if lang_enc in locale_alias:
        return locale_alias[lang_enc]
    if langname in locale_alias and not encoding:
        return locale_alias[langname]
    if langname in locale_alias:
        code = locale_alias[langname]
        if '.' in code:
            code = code.split('.')[0]
        if encoding.replace('-', '').replace('_', '') == 'utf8':
            return code + '.UTF-8'
    _hw_unsupported('locale.normalize of ' + repr(localename) + ' (the alias table of other locales)')


def _parse_localename(localename):
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    elif code == 'C':
        return None, None
    elif code == 'UTF-8':
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
        if language is None:
            language = 'C'
        if encoding is None:
            return language
        else:
            return language + '.' + encoding
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of '
                        'two strings -- language code, encoding.') from None


def getlocale(category=LC_CTYPE):
    localename = _setlocale(category)
    if category == LC_ALL and ';' in localename:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(localename)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    import warnings
    warnings.warn(
        "'locale.getdefaultlocale' is deprecated and slated for removal in Python 3.15. "
        "Use setlocale(), getencoding() and getlocale() instead.",
        DeprecationWarning, stacklevel=2)
    import os
    for variable in envvars:
        localename = os.environ.get(variable, None)
        if localename:
            if variable == 'LANGUAGE':
                localename = localename.split(':')[0]
            break
    else:
        localename = 'C'
    return _parse_localename(localename)


def resetlocale(category=LC_ALL):
    import warnings
    warnings.warn('Use locale.setlocale(locale.LC_ALL, "") instead', DeprecationWarning, stacklevel=2)
    _setlocale(category, 'C.UTF-8')
`;

export const localeModule: ModuleSpec = {
  name: 'locale',
  load: (vm) =>
    moduleFromGlobals(
      vm,
      'locale',
      runPythonPart(vm, 'locale', LOCALE_SOURCE, { _hw_unsupported: unsupportedHelper(vm, 'locale') }),
    ),
};
