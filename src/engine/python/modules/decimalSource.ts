/**
 * decimal's Python half, written for Highwater from what _decimal (Modules/_decimal/_decimal.c,
 * 3.11) exposes: the signal classes (made by PyErr_NewException in C: DecimalException under
 * ArithmeticError, each condition under its signal), the rounding names, Context with its signal
 * dicts and validated settings, getcontext/setcontext/localcontext, and Context's arithmetic
 * methods (each the Decimal operation with that context). Decimal itself is the C type
 * (decimaltype.ts); `_hw_*` are its native helpers. Context is a Python class here where the real
 * one is a C type: a context costs a Python instance and two dicts instead of PyDecContextObject.
 */
export const DECIMAL_SOURCE = `
from collections import namedtuple as _namedtuple

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')
ROUND_UP = 'ROUND_UP'
ROUND_DOWN = 'ROUND_DOWN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
              ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = -1999999999999999997
HAVE_THREADS = True
HAVE_CONTEXTVAR = True
__version__ = '1.70'
__libmpdec_version__ = '2.5.1'


class DecimalException(ArithmeticError):
    __module__ = 'decimal'

class Clamped(DecimalException):
    __module__ = 'decimal'

class InvalidOperation(DecimalException):
    __module__ = 'decimal'

class ConversionSyntax(InvalidOperation):
    __module__ = 'decimal'

class DivisionByZero(DecimalException, ZeroDivisionError):
    __module__ = 'decimal'

class DivisionImpossible(InvalidOperation):
    __module__ = 'decimal'

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    __module__ = 'decimal'

class Inexact(DecimalException):
    __module__ = 'decimal'

class InvalidContext(InvalidOperation):
    __module__ = 'decimal'

class Rounded(DecimalException):
    __module__ = 'decimal'

class Subnormal(DecimalException):
    __module__ = 'decimal'

class Overflow(Inexact, Rounded):
    __module__ = 'decimal'

class Underflow(Inexact, Rounded, Subnormal):
    __module__ = 'decimal'

class FloatOperation(DecimalException, TypeError):
    __module__ = 'decimal'

# the signals in the order Context's repr lists them (libmpdec's status bits)
_SIGNALS = (Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow, Rounded,
            Subnormal, Underflow)
_DICT_ORDER = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal,
               Inexact, Rounded, Clamped)


class _SignalDict(dict):
    def __repr__(self):
        return '{' + ', '.join(['%r:%r' % (k, v) for k, v in self.items()]) + '}'

    def __setitem__(self, key, value):
        if key not in _SIGNALS:
            raise KeyError('invalid signal dict')
        dict.__setitem__(self, key, bool(value))


def _signal_dict(on):
    d = _SignalDict()
    for s in _DICT_ORDER:
        dict.__setitem__(d, s, s in on)
    return d


class Context(object):
    __module__ = 'decimal'

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
                 flags=None, traps=None):
        dc = DefaultContext if _default_ready else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            traps = [s for s, v in dc.traps.items() if v] if dc else [InvalidOperation, DivisionByZero, Overflow]
        elif isinstance(traps, dict):
            traps = [s for s, v in traps.items() if v]
        if flags is None:
            flags = []
        elif isinstance(flags, dict):
            flags = [s for s, v in flags.items() if v]
        object.__setattr__(self, 'traps', _signal_dict(traps))
        object.__setattr__(self, 'flags', _signal_dict(flags))

    def __setattr__(self, name, value):
        if name == 'prec':
            _hw_check_int(value, 1, MAX_PREC, 'valid range for prec is [1, MAX_PREC]')
        elif name == 'Emin':
            _hw_check_int(value, MIN_EMIN, 0, 'valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            _hw_check_int(value, 0, MAX_EMAX, 'valid range for Emax is [0, MAX_EMAX]')
        elif name == 'capitals':
            _hw_check_int(value, 0, 1, 'valid values for capitals are 0 or 1')
        elif name == 'clamp':
            _hw_check_int(value, 0, 1, 'valid values for clamp are 0 or 1')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError('valid values for rounding are:\\n  [ROUND_CEILING, ROUND_FLOOR, '
                                'ROUND_UP, ROUND_DOWN,\\n   ROUND_HALF_UP, ROUND_HALF_DOWN, '
                                'ROUND_HALF_EVEN,\\n   ROUND_05UP]')
        elif name in ('traps', 'flags'):
            value = _signal_dict([s for s, v in value.items() if v] if isinstance(value, dict) else value)
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = ', '.join([s.__name__ for s in _SIGNALS if self.flags[s]])
        traps = ', '.join([s.__name__ for s in _SIGNALS if self.traps[s]])
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, flags, traps))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                       self.flags, self.traps)

    __copy__ = copy

    def clear_flags(self):
        for s in _SIGNALS:
            dict.__setitem__(self.flags, s, False)

    def clear_traps(self):
        for s in _SIGNALS:
            dict.__setitem__(self.traps, s, False)

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def create_decimal(self, num='0'):
        return _hw_create(num, self)

    def create_decimal_from_float(self, f):
        return _hw_create(Decimal.from_float(f), self)

    def abs(self, a):
        return _hw_dec(a, self).__abs__()

    def add(self, a, b):
        return _hw_op('add', a, b, self)

    def subtract(self, a, b):
        return _hw_op('subtract', a, b, self)

    def multiply(self, a, b):
        return _hw_op('multiply', a, b, self)

    def divide(self, a, b):
        return _hw_op('divide', a, b, self)

    def divide_int(self, a, b):
        return _hw_op('divide_int', a, b, self)

    def remainder(self, a, b):
        return _hw_op('remainder', a, b, self)

    def divmod(self, a, b):
        return (_hw_op('divide_int', a, b, self), _hw_op('remainder', a, b, self))

    def power(self, a, b, modulo=None):
        return _hw_op('power', a, b, self)

    def plus(self, a):
        return _hw_op('plus', a, a, self)

    def minus(self, a):
        return _hw_op('minus', a, a, self)

    def quantize(self, a, b):
        return _hw_dec(a, self).quantize(b, context=self)

    def sqrt(self, a):
        return _hw_dec(a, self).sqrt(context=self)

    def normalize(self, a):
        return _hw_dec(a, self).normalize(context=self)

    def compare(self, a, b):
        return _hw_dec(a, self).compare(b, context=self)

    def max(self, a, b):
        return _hw_dec(a, self).max(b, context=self)

    def min(self, a, b):
        return _hw_dec(a, self).min(b, context=self)

    def to_integral_value(self, a):
        return _hw_dec(a, self).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_sci_string(self, a):
        return _hw_dec(a, self).__str__()

    def to_eng_string(self, a):
        return _hw_dec(a, self).to_eng_string(context=self)

    def is_zero(self, a):
        return _hw_dec(a, self).is_zero()

    def is_signed(self, a):
        return _hw_dec(a, self).is_signed()


_default_ready = False
DefaultContext = Context()
_default_ready = True
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[DivisionByZero, Overflow,
                       InvalidOperation, Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])


def getcontext():
    ctx = _hw_getcontext()
    if ctx is None:
        ctx = DefaultContext.copy()
        _hw_setcontext(ctx)
    return ctx


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
    _hw_setcontext(context)


class ContextManager(object):
    __module__ = 'decimal'

    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, *, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    ctx = ctx.copy()
    if prec is not None:
        ctx.prec = prec
    if rounding is not None:
        ctx.rounding = rounding
    if Emin is not None:
        ctx.Emin = Emin
    if Emax is not None:
        ctx.Emax = Emax
    if capitals is not None:
        ctx.capitals = capitals
    if clamp is not None:
        ctx.clamp = clamp
    if flags is not None:
        ctx.flags = flags
    if traps is not None:
        ctx.traps = traps
    return ContextManager(ctx)


_hw_register(Context, (Clamped, ConversionSyntax, DivisionByZero, DivisionImpossible,
             DivisionUndefined, InvalidOperation, Inexact, InvalidContext, InvalidOperation,
             InvalidOperation, FloatOperation, Overflow, Rounded, Subnormal, Underflow), DecimalTuple)
`;
