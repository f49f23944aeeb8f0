import type { Vm } from '../runtime/vm';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * numbers (PEP 3141's tower: Number, Complex, Real, Rational, Integral as ABCs with 3.11's abstract
 * methods, complex/float/int registered), written here as Python; its import replays the recorded
 * footprint (not a start-up module in any release here). The simulator's Fraction and Decimal are
 * built-in types, so the real relations (Fraction subclasses Rational; _decimal registers Decimal
 * as a Number) are given by __subclasshook__: isinstance answers as in CPython whatever the import
 * order; Fraction's __mro__ does not list Rational.
 */
const NUMBERS_SOURCE = `
from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    __slots__ = ()
    __hash__ = None

    @classmethod
    def __subclasshook__(cls, C):
        # _decimal registers Decimal as a Number at its import (the simulator's Decimal is a built-in type)
        if cls is Number and C.__module__ == "decimal" and C.__name__ == "Decimal":
            return True
        return NotImplemented


class Complex(Number):
    __slots__ = ()

    def __bool__(self):
        return self != 0

    @property
    @abstractmethod
    def real(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def imag(self):
        raise NotImplementedError

    def __sub__(self, other):
        return self + -other

    def __rsub__(self, other):
        return -self + other

    @abstractmethod
    def __complex__(self):
        raise NotImplementedError
    @abstractmethod
    def __add__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __radd__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __neg__(self):
        raise NotImplementedError
    @abstractmethod
    def __pos__(self):
        raise NotImplementedError
    @abstractmethod
    def __mul__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rmul__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __truediv__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rtruediv__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __pow__(self, exponent):
        raise NotImplementedError
    @abstractmethod
    def __rpow__(self, base):
        raise NotImplementedError
    @abstractmethod
    def __abs__(self):
        raise NotImplementedError
    @abstractmethod
    def conjugate(self):
        raise NotImplementedError
    @abstractmethod
    def __eq__(self, other):
        raise NotImplementedError


Complex.register(complex)


class Real(Complex):
    __slots__ = ()

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __divmod__(self, other):
        return (self // other, self % other)

    def __rdivmod__(self, other):
        return (other // self, other % self)

    @abstractmethod
    def __float__(self):
        raise NotImplementedError
    @abstractmethod
    def __trunc__(self):
        raise NotImplementedError
    @abstractmethod
    def __floor__(self):
        raise NotImplementedError
    @abstractmethod
    def __ceil__(self):
        raise NotImplementedError
    @abstractmethod
    def __round__(self, ndigits=None):
        raise NotImplementedError
    @abstractmethod
    def __floordiv__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rfloordiv__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __mod__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rmod__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __lt__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __le__(self, other):
        raise NotImplementedError


Real.register(float)


class Rational(Real):
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        # fractions.Fraction subclasses Rational in the real library (the simulator's is a built-in type)
        if cls is Rational and C.__module__ == "fractions" and C.__name__ == "Fraction":
            return True
        return NotImplemented

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError

    def __float__(self):
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    __slots__ = ()

    def __index__(self):
        return int(self)

    def __float__(self):
        return float(int(self))

    @property
    def numerator(self):
        return +self

    @property
    def denominator(self):
        return 1

    @abstractmethod
    def __int__(self):
        raise NotImplementedError
    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        raise NotImplementedError
    @abstractmethod
    def __lshift__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rlshift__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rshift__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rrshift__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __and__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rand__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __xor__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __rxor__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __or__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __ror__(self, other):
        raise NotImplementedError
    @abstractmethod
    def __invert__(self):
        raise NotImplementedError


Integral.register(int)
`;

export const numbersModule: ModuleSpec = {
  name: 'numbers',
  load: (vm: Vm) => moduleFromGlobals(vm, 'numbers', runPythonPart(vm, 'numbers', NUMBERS_SOURCE, {})),
};
