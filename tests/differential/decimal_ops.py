# Differential script: decimal as money and precise-arithmetic code uses it (construction, the
# arithmetic and its rounding, contexts and signals, comparisons, hashing, formatting, errors).
import decimal
from decimal import (Decimal, Context, getcontext, setcontext, localcontext, InvalidOperation,
                     DivisionByZero, Overflow, Inexact, Rounded, ROUND_HALF_UP, ROUND_HALF_EVEN,
                     ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP)
from fractions import Fraction
D = Decimal
MODES = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
EXPRS = r'''
D("3.14"), D("  42  "), D("1_000_000.5"), D("-0.000"), D("1e5"), D("1E-7"), D(".5"), D("5."), D("+7")
D("nan"), D("-NaN123"), D("sNaN"), D("inf"), D("-Infinity"), D("Inf"), D("NaN0012")
D("abc")
D("1e")
D("")
D(None)
D([1, 2])
D(42), D(-7), D(10**30), D(2**64), D(0), D(True)
D(0.1), D(1.5), D(-0.0), D(float("inf")), D(float("nan")), D(1e300), D(2.5e-10)
D((0, (1, 4, 1, 4), -3)), D((1, (5,), 2)), D((0, (), "F")), D((1, (1, 2), "n")), D([0, [3], 0])
D((2, (1,), 0))
D((0, (1, 10), 0))
D((0, (1,), "x"))
D(D("1.20")), D.from_float(0.25), D.from_float(3), Decimal.from_float(-1.1)
D.from_float("1")
repr(D("1.10")), str(D("1.10")), str(D("1E+2")), str(D("0.0000001")), str(D("0.000001")), str(D("123E-10")), str(D("-1.23E+30"))
str(D("1E+2").normalize()), D("0.00").normalize(), D("-1.200").normalize(), D("120.00").normalize()
D("123.456").to_eng_string(), D("1.23E+7").to_eng_string(), D("1E-7").to_eng_string(), D("0E+4").to_eng_string(), D("12E+4").to_eng_string()
D("1.1") + D("2.2"), D("1.1") + 1, 1 + D("1.1"), D("10") - 3, 3 - D("0.5"), D("2.5") * 4, 4 * D("2.5")
D(1) / D(3), D(2) / D(3), D(1) / 8, 10 / D(4), D("1.00") / D("0.25"), D(100) / D(7)
D(7) // D(2), D(-7) // D(2), D(7) % D(-2), D(-7) % D(2), D("7.5") % 2, -7 // D(2), divmod(D(-7), D(2)), divmod(D("10.5"), 3)
D(2) ** 10, D("1.05") ** 12, D(2) ** -2, D("0.5") ** 3, D(10) ** 30, D(-2) ** 3, D("1.1") ** 0, 2 ** D(8)
D(0) ** 0
D(1) / 0
D(0) / 0
D(5) // 0
D(5) % 0
divmod(D(5), 0)
D(1) + 1.5
1.5 * D(2)
D(1) + "1"
D("1e999999") * 10
D(-2) ** D("0.5")
-D("1.50"), +D("-0"), abs(D("-2.5")), -D("0"), abs(D("-Infinity")), -D("NaN")
D("1.5") == D("1.50"), D(1) == 1, D("0.1") == 0.1, D("0.5") == 0.5, D(2) == 2.0, D(1) != D(2), D("NaN") == D("NaN"), D("NaN") != 1
D(1) < D(2), D("-1") > D("-2"), D(3) <= 3, D("2.5") >= 2.5, D(1) < 1.5, D("0.5") == Fraction(1, 2), D("0.3") < Fraction(1, 3), D("0.1") > Fraction(1, 10)
D("NaN") < 1
D("sNaN") == 1
sorted([D("2.5"), D(-1), D("0.1"), D("1E+1"), D("3")]), max(D(1), D("1.0")), min([D(5), D(2), D(7)]), sum([D("0.1")] * 10), sum([D("1.1"), D("2.2")], D(0))
hash(D(1)) == hash(1), hash(D("1.5")) == hash(1.5), hash(D("0.1")) == hash(Fraction(1, 10)), hash(D("-2.5")), hash(D("0.1")), hash(D("1E+10")), hash(D("Infinity")), hash(D("-0"))
{D("1.5"): "a", 1.5: "b", D("2"): "c", 2: "d"}, D(1) in {1, 2}, D("1.0") in {1: 0}, len({D("1"), D("1.0"), D("1.00")})
hash(D("sNaN"))
int(D("3.99")), int(D("-3.99")), int(D("1E+20")), float(D("0.1")), float(D("-1E-5")), float(D("NaN")), float(D("-Infinity")), int(D("-0.5"))
int(D("NaN"))
int(D("Infinity"))
float(D("sNaN"))
round(D("2.5")), round(D("3.5")), round(D("-2.5")), round(D("2.675"), 2), round(D("1234.5"), -2), round(D("0.125"), 2), round(D("9.99"), 1)
import math; r = (math.floor(D("-1.5")), math.ceil(D("1.2")), math.trunc(D("-1.9")), math.floor(D("2")))
bool(D(0)), bool(D("0.00")), bool(D("0.1")), bool(D("NaN")), bool(D("-0"))
D("7.325").quantize(D(".01")), D("7.325").quantize(D(".01"), rounding=ROUND_DOWN), D("7.325").quantize(D("1.")), D("1.5").quantize(D("0.001")), D("-0.5").quantize(D(1))
D("123.456").quantize(D("1E+1")), D("1E+2").quantize(D("1")), D("0").quantize(D("0.00")), D("Inf").quantize(D("Inf")), D("2.5").quantize(D(1), ROUND_HALF_UP)
D("1E+30").quantize(D("0.01"))
D("1").quantize(D("Inf"))
D("2.5").to_integral_value(), D("3.5").to_integral_value(), D("-2.5").to_integral_value(rounding=ROUND_HALF_UP), D("2.4").to_integral(), D("123E+2").to_integral_value(), D("7.9").to_integral_exact(ROUND_FLOOR)
D(2).sqrt(), D(4).sqrt(), D("0.25").sqrt(), D("1E+2").sqrt(), D(0).sqrt(), D("-0").sqrt(), D(10).sqrt(), D("1.21").sqrt(), D("1E-9").sqrt(), D("Infinity").sqrt()
D(-1).sqrt()
D("1.5").as_tuple(), D("-0").as_tuple(), D("NaN").as_tuple(), D("-Inf").as_tuple(), D("1E+3").as_tuple(), D("0.125").as_integer_ratio(), D("-2.5E+2").as_integer_ratio(), D(0).as_integer_ratio()
D("NaN").as_integer_ratio()
D("1.5").is_nan(), D("NaN").is_nan(), D("sNaN").is_snan(), D("NaN").is_qnan(), D("Inf").is_infinite(), D("1").is_finite(), D("-0").is_zero(), D("-0").is_signed(), D("1E-999999").is_normal(), D("1E-1000000").is_subnormal(), D(1).is_canonical()
D("1.5").copy_sign(D("-2")), D("-1.5").copy_abs(), D("1.5").copy_negate(), D("1.23").adjusted(), D("1E+5").adjusted(), D("0.001").adjusted(), D("Inf").adjusted()
D(1).max(D(2)), D(1).min(D(2)), D(1).max(D("NaN")), D("-3").max_mag(D(2)), D("-3").min_mag(D(2)), D("1.0").max(D("1")), D("1.0").min(D("1")), D(1).compare(D(2)), D(2).compare(2), D(1).compare(D("NaN"))
D("1.5").real, D("1.5").imag, D("1.5").conjugate()
f"{D('1.5'):.2f}", f"{D('1234567.891'):,.2f}", f"{D('0.256'):%}", f"{D('0.256'):.1%}", f"{D('12345.678'):e}", f"{D('12345.678'):.2E}", f"{D('0.000012345'):g}", f"{D('123'):.5g}"
f"{D('1.5'):>10}", f"{D('1.5'):<10}|", f"{D('-1.5'):^10}|", f"{D('1.5'):*^11}", f"{D('-1.5'):010.2f}", f"{D('1.5'):+}", f"{D('1.5'): }", f"{D('-0.0'):z.1f}"
f"{D('1234567'):,}", f"{D('1234567.5'):012,.2f}", f"{D('-1234'):=+12,}", f"{D('NaN'):>6}", f"{D('-Inf'):.2f}", f"{D('1E+5'):f}", f"{D('1E+5')}", f"{D('100'):.1e}", f"{D('0.5'):.0f}", f"{D('1.5'):.0f}"
f"{D('2.675'):.2f}", f"{D('1E-10'):.3f}", f"{D('123.456'):.0e}", f"{D('0'):.3e}", f"{D('0.00'):g}", f"{D('5E+2'):g}", format(D("3.14159"), ".3"), format(D("1234.5"), "")
format(D(1), "x")
getcontext().prec, getcontext().rounding, getcontext().Emax, getcontext().Emin, getcontext().capitals, getcontext().clamp, sorted(s.__name__ for s, v in getcontext().traps.items() if v)
c = Context(prec=5, rounding=ROUND_DOWN); r = (c, c.prec, c.divide(D(1), D(3)), c.add(D("1.23456"), D("0.000009")), c.create_decimal("3.14159265"), c.multiply(2, D("1.11111")), c.power(D(2), 20))
c = Context(prec=3, traps=[]); r = (c.divide(D(1), D(0)), c.flags[DivisionByZero], c.divide(D(0), D(0)), c.sqrt(D(-1)), c.flags[InvalidOperation], c.Etiny(), c.Etop())
c = Context(); c.prec = 0
c = Context(); c.rounding = "nope"
c = Context(Emax=-1)
with localcontext() as ctx: ctx.prec = 6; r = (D(1) / D(7), ctx.prec)
r = D(1) / D(7), getcontext().prec
with localcontext(prec=4) as ctx: r = (D(22) / D(7), D("1.23456") + 0, +D("9.99999"))
with localcontext(rounding=ROUND_UP): r = D("1.0000000000000000000000000001") * 1
with localcontext(Context(prec=2, rounding=ROUND_HALF_UP)): r = (D("2.45") + 0, D("2.55") * 1, -D("2.45"))
with localcontext() as ctx: ctx.traps[Inexact] = True; r = D(1) / 4; D(1) / 3
with localcontext() as ctx: ctx.traps[DivisionByZero] = False; r = (D(1) / 0, D(-1) / 0, ctx.flags[DivisionByZero])
with localcontext() as ctx: ctx.clear_flags(); x = D(1) / 3; r = sorted(s.__name__ for s, v in ctx.flags.items() if v)
with localcontext() as ctx: ctx.clear_flags(); x = D("1.5") + D("2.5"); r = sorted(s.__name__ for s, v in ctx.flags.items() if v)
with localcontext() as ctx: ctx.prec = 50; r = D(2).sqrt(), D(1) / D(7)
with localcontext() as ctx: ctx.Emax = 5; ctx.traps[Overflow] = False; r = (D("99999") * 100, D("-99999") * 100, ctx.flags[Overflow])
with localcontext() as ctx: ctx.Emax = 5; D("99999") * 100
with localcontext() as ctx: ctx.Emin = -5; ctx.prec = 3; r = (D("1E-5") / 10, D("1.234E-6") * 1, D("1E-9") * 1)
with localcontext(ExtendedContext := Context(prec=9, traps=[])): r = (D(0) / 0, D("sNaN") + 1, D(1) / 0, D("1") - D("Infinity"))
issubclass(InvalidOperation, ArithmeticError), issubclass(DivisionByZero, ZeroDivisionError), issubclass(decimal.FloatOperation, TypeError), issubclass(Overflow, Inexact), issubclass(decimal.Underflow, decimal.Subnormal), issubclass(decimal.DivisionUndefined, ZeroDivisionError)
DivisionByZero.__mro__
try: D(1) / 0\nexcept ZeroDivisionError as e: r = (type(e).__name__, e.args)
try: D("x")\nexcept decimal.DecimalException as e: r = (type(e).__name__, str(e))
D.__name__, D.__module__, type(D(1)).__qualname__, decimal.ROUND_HALF_EVEN, decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, isinstance(D(1), Decimal)
Decimal.__add__(D(1), 2), D(1).__radd__(2), D(5).__rtruediv__(D(2)), D(1).__eq__(1.0), D(1).__lt__("x")
D(1) < "x"
list(map(D, ["1.1", "2.2"])), [D(i) / 4 for i in range(5)], sum(D(i) / 10 for i in range(10)), D("19.99") * 3, D("19.99") * D("0.0825")
total = D("0"); [total := total + D("0.10") for _ in range(30)]; r = total
rate = D("0.05"); bal = D("1000.00"); r = [(bal := (bal * (1 + rate)).quantize(D("0.01"), ROUND_HALF_UP)) for _ in range(5)]
r = D("100") / D("3") * D("3"), D(1) / D(3) * 3 == 1, D("0.1") * 3 == D("0.3"), 0.1 * 3 == 0.3
r = D("1.23456789012345678901234567890123"), D("1.23456789012345678901234567890123") + 0, +D("99999999999999999999999999999.5")
r = D("1E+999999") * 10
r = D("123456789012345678901234567890") // 7, D("123456789012345678901234567890") % 7, D("1E+30") // 1
D("1E+30") // D("1E-30")
r = D(10**40) + 1, D(10**40) + D("0.0000000001"), D("1E-50") + D(1), D("1") - D("1E-50"), D(1) - D(1), D("-1") + D("1"), D("0.00") + D("-0.000")
with localcontext(rounding=ROUND_FLOOR): r = (D(1) - D(1), D("-0") + D("0"), -D(0))
r = [D("2.5").quantize(D(1), rounding=m) for m in MODES], [D("-2.5").quantize(D(1), rounding=m) for m in MODES]
r = [D("1.05").quantize(D("0.1"), rounding=m) for m in MODES], [D("-1.15").quantize(D("0.1"), rounding=m) for m in MODES]
D(1).exp(), D(2).ln(), D(100).log10(), D("0.001").log10(), D(7).log10(), D("-1").exp(), D(0).exp(), D(1).ln(), D("1E+5").ln(), D("0.5").ln()
D(0).ln(), D("Infinity").exp(), D("-Infinity").exp(), D("Infinity").ln(), D(10).log10(), D("1E-100").exp(), D("2.302585092994045684017991455").exp()
D(-1).ln()
D(0).log10(), D("NaN").exp()
D(2) ** D("0.5"), D(4) ** D("0.5"), D(10) ** D("-1.5"), D("1.07") ** D("12.5"), D(8) ** D("0.3333333333333333333333333333"), D(0) ** D("0.5"), D("Infinity") ** D("-0.5")
D("0.5") ** 1000, D("1.0001") ** 100000, D("-1.0001") ** 100001, D(7) ** 123456, D(10) ** 999999
D(10) ** 1000001
with localcontext(prec=50): r = (D(2).ln(), D(1).exp(), D(2) ** D("0.5"), D(10).ln() / D(2).ln())
with localcontext(prec=4, rounding=ROUND_DOWN): r = (D(2).ln(), D(3).exp(), D("9.9999").exp(), D(2) ** D("1.5"))
pow(D(2), 10, 7), pow(D(-2), 3, 5), pow(D("2.0"), 3, 5), pow(D(10) ** 30, 2, 7), pow(3, D(10) ** 40, 1000000007)
pow(D(2), -1, 5)
pow(D(2), 3, 1.5)
D(1).same_quantum(D(2)), D("1.0").same_quantum(D(1)), D("NaN").same_quantum(D("NaN")), D("Inf").same_quantum(D(1))
r = [D("7.01").quantize(D(1), rounding=m) for m in MODES], [D("5.5").quantize(D(1), rounding=m) for m in MODES]
r = (_t(lambda: D("0") + D("3")), _t(lambda: D("0") + D("-0.7")), _t(lambda: D("0") + D("0")), _t(lambda: D("0") + D("1E+2")), _t(lambda: D("0") + D("Infinity")), _t(lambda: D("0") + D("0.125")))
r = (_t(lambda: D("1") + D("3")), _t(lambda: D("1") + D("-0.7")), _t(lambda: D("1") + D("0")), _t(lambda: D("1") + D("1E+2")), _t(lambda: D("1") + D("Infinity")), _t(lambda: D("1") + D("0.125")))
r = (_t(lambda: D("1.5") + D("3")), _t(lambda: D("1.5") + D("-0.7")), _t(lambda: D("1.5") + D("0")), _t(lambda: D("1.5") + D("1E+2")), _t(lambda: D("1.5") + D("Infinity")), _t(lambda: D("1.5") + D("0.125")))
r = (_t(lambda: D("-3.75") + D("3")), _t(lambda: D("-3.75") + D("-0.7")), _t(lambda: D("-3.75") + D("0")), _t(lambda: D("-3.75") + D("1E+2")), _t(lambda: D("-3.75") + D("Infinity")), _t(lambda: D("-3.75") + D("0.125")))
r = (_t(lambda: D("1E+3") + D("3")), _t(lambda: D("1E+3") + D("-0.7")), _t(lambda: D("1E+3") + D("0")), _t(lambda: D("1E+3") + D("1E+2")), _t(lambda: D("1E+3") + D("Infinity")), _t(lambda: D("1E+3") + D("0.125")))
r = (_t(lambda: D("9.999999999999999999999999999") + D("3")), _t(lambda: D("9.999999999999999999999999999") + D("-0.7")), _t(lambda: D("9.999999999999999999999999999") + D("0")), _t(lambda: D("9.999999999999999999999999999") + D("1E+2")), _t(lambda: D("9.999999999999999999999999999") + D("Infinity")), _t(lambda: D("9.999999999999999999999999999") + D("0.125")))
r = (_t(lambda: D("Infinity") + D("3")), _t(lambda: D("Infinity") + D("-0.7")), _t(lambda: D("Infinity") + D("0")), _t(lambda: D("Infinity") + D("1E+2")), _t(lambda: D("Infinity") + D("Infinity")), _t(lambda: D("Infinity") + D("0.125")))
r = (_t(lambda: D("Infinity") + D("3")), _t(lambda: D("Infinity") + D("-0.7")), _t(lambda: D("Infinity") + D("0")), _t(lambda: D("Infinity") + D("1E+2")), _t(lambda: D("Infinity") + D("Infinity")), _t(lambda: D("Infinity") + D("0.125")))
r = (_t(lambda: D("NaN") + D("3")), _t(lambda: D("NaN") + D("-0.7")), _t(lambda: D("NaN") + D("0")), _t(lambda: D("NaN") + D("1E+2")), _t(lambda: D("NaN") + D("Infinity")), _t(lambda: D("NaN") + D("0.125")))
r = (_t(lambda: D("0") - D("3")), _t(lambda: D("0") - D("-0.7")), _t(lambda: D("0") - D("0")), _t(lambda: D("0") - D("1E+2")), _t(lambda: D("0") - D("Infinity")), _t(lambda: D("0") - D("0.125")))
r = (_t(lambda: D("1") - D("3")), _t(lambda: D("1") - D("-0.7")), _t(lambda: D("1") - D("0")), _t(lambda: D("1") - D("1E+2")), _t(lambda: D("1") - D("Infinity")), _t(lambda: D("1") - D("0.125")))
r = (_t(lambda: D("1.5") - D("3")), _t(lambda: D("1.5") - D("-0.7")), _t(lambda: D("1.5") - D("0")), _t(lambda: D("1.5") - D("1E+2")), _t(lambda: D("1.5") - D("Infinity")), _t(lambda: D("1.5") - D("0.125")))
r = (_t(lambda: D("-3.75") - D("3")), _t(lambda: D("-3.75") - D("-0.7")), _t(lambda: D("-3.75") - D("0")), _t(lambda: D("-3.75") - D("1E+2")), _t(lambda: D("-3.75") - D("Infinity")), _t(lambda: D("-3.75") - D("0.125")))
r = (_t(lambda: D("1E+3") - D("3")), _t(lambda: D("1E+3") - D("-0.7")), _t(lambda: D("1E+3") - D("0")), _t(lambda: D("1E+3") - D("1E+2")), _t(lambda: D("1E+3") - D("Infinity")), _t(lambda: D("1E+3") - D("0.125")))
r = (_t(lambda: D("9.999999999999999999999999999") - D("3")), _t(lambda: D("9.999999999999999999999999999") - D("-0.7")), _t(lambda: D("9.999999999999999999999999999") - D("0")), _t(lambda: D("9.999999999999999999999999999") - D("1E+2")), _t(lambda: D("9.999999999999999999999999999") - D("Infinity")), _t(lambda: D("9.999999999999999999999999999") - D("0.125")))
r = (_t(lambda: D("Infinity") - D("3")), _t(lambda: D("Infinity") - D("-0.7")), _t(lambda: D("Infinity") - D("0")), _t(lambda: D("Infinity") - D("1E+2")), _t(lambda: D("Infinity") - D("Infinity")), _t(lambda: D("Infinity") - D("0.125")))
r = (_t(lambda: D("Infinity") - D("3")), _t(lambda: D("Infinity") - D("-0.7")), _t(lambda: D("Infinity") - D("0")), _t(lambda: D("Infinity") - D("1E+2")), _t(lambda: D("Infinity") - D("Infinity")), _t(lambda: D("Infinity") - D("0.125")))
r = (_t(lambda: D("NaN") - D("3")), _t(lambda: D("NaN") - D("-0.7")), _t(lambda: D("NaN") - D("0")), _t(lambda: D("NaN") - D("1E+2")), _t(lambda: D("NaN") - D("Infinity")), _t(lambda: D("NaN") - D("0.125")))
r = (_t(lambda: D("0") * D("3")), _t(lambda: D("0") * D("-0.7")), _t(lambda: D("0") * D("0")), _t(lambda: D("0") * D("1E+2")), _t(lambda: D("0") * D("Infinity")), _t(lambda: D("0") * D("0.125")))
r = (_t(lambda: D("1") * D("3")), _t(lambda: D("1") * D("-0.7")), _t(lambda: D("1") * D("0")), _t(lambda: D("1") * D("1E+2")), _t(lambda: D("1") * D("Infinity")), _t(lambda: D("1") * D("0.125")))
r = (_t(lambda: D("1.5") * D("3")), _t(lambda: D("1.5") * D("-0.7")), _t(lambda: D("1.5") * D("0")), _t(lambda: D("1.5") * D("1E+2")), _t(lambda: D("1.5") * D("Infinity")), _t(lambda: D("1.5") * D("0.125")))
r = (_t(lambda: D("-3.75") * D("3")), _t(lambda: D("-3.75") * D("-0.7")), _t(lambda: D("-3.75") * D("0")), _t(lambda: D("-3.75") * D("1E+2")), _t(lambda: D("-3.75") * D("Infinity")), _t(lambda: D("-3.75") * D("0.125")))
r = (_t(lambda: D("1E+3") * D("3")), _t(lambda: D("1E+3") * D("-0.7")), _t(lambda: D("1E+3") * D("0")), _t(lambda: D("1E+3") * D("1E+2")), _t(lambda: D("1E+3") * D("Infinity")), _t(lambda: D("1E+3") * D("0.125")))
r = (_t(lambda: D("9.999999999999999999999999999") * D("3")), _t(lambda: D("9.999999999999999999999999999") * D("-0.7")), _t(lambda: D("9.999999999999999999999999999") * D("0")), _t(lambda: D("9.999999999999999999999999999") * D("1E+2")), _t(lambda: D("9.999999999999999999999999999") * D("Infinity")), _t(lambda: D("9.999999999999999999999999999") * D("0.125")))
r = (_t(lambda: D("Infinity") * D("3")), _t(lambda: D("Infinity") * D("-0.7")), _t(lambda: D("Infinity") * D("0")), _t(lambda: D("Infinity") * D("1E+2")), _t(lambda: D("Infinity") * D("Infinity")), _t(lambda: D("Infinity") * D("0.125")))
r = (_t(lambda: D("Infinity") * D("3")), _t(lambda: D("Infinity") * D("-0.7")), _t(lambda: D("Infinity") * D("0")), _t(lambda: D("Infinity") * D("1E+2")), _t(lambda: D("Infinity") * D("Infinity")), _t(lambda: D("Infinity") * D("0.125")))
r = (_t(lambda: D("NaN") * D("3")), _t(lambda: D("NaN") * D("-0.7")), _t(lambda: D("NaN") * D("0")), _t(lambda: D("NaN") * D("1E+2")), _t(lambda: D("NaN") * D("Infinity")), _t(lambda: D("NaN") * D("0.125")))
r = (_t(lambda: D("0") / D("3")), _t(lambda: D("0") / D("-0.7")), _t(lambda: D("0") / D("0")), _t(lambda: D("0") / D("1E+2")), _t(lambda: D("0") / D("Infinity")), _t(lambda: D("0") / D("0.125")))
r = (_t(lambda: D("1") / D("3")), _t(lambda: D("1") / D("-0.7")), _t(lambda: D("1") / D("0")), _t(lambda: D("1") / D("1E+2")), _t(lambda: D("1") / D("Infinity")), _t(lambda: D("1") / D("0.125")))
r = (_t(lambda: D("1.5") / D("3")), _t(lambda: D("1.5") / D("-0.7")), _t(lambda: D("1.5") / D("0")), _t(lambda: D("1.5") / D("1E+2")), _t(lambda: D("1.5") / D("Infinity")), _t(lambda: D("1.5") / D("0.125")))
r = (_t(lambda: D("-3.75") / D("3")), _t(lambda: D("-3.75") / D("-0.7")), _t(lambda: D("-3.75") / D("0")), _t(lambda: D("-3.75") / D("1E+2")), _t(lambda: D("-3.75") / D("Infinity")), _t(lambda: D("-3.75") / D("0.125")))
r = (_t(lambda: D("1E+3") / D("3")), _t(lambda: D("1E+3") / D("-0.7")), _t(lambda: D("1E+3") / D("0")), _t(lambda: D("1E+3") / D("1E+2")), _t(lambda: D("1E+3") / D("Infinity")), _t(lambda: D("1E+3") / D("0.125")))
r = (_t(lambda: D("9.999999999999999999999999999") / D("3")), _t(lambda: D("9.999999999999999999999999999") / D("-0.7")), _t(lambda: D("9.999999999999999999999999999") / D("0")), _t(lambda: D("9.999999999999999999999999999") / D("1E+2")), _t(lambda: D("9.999999999999999999999999999") / D("Infinity")), _t(lambda: D("9.999999999999999999999999999") / D("0.125")))
r = (_t(lambda: D("Infinity") / D("3")), _t(lambda: D("Infinity") / D("-0.7")), _t(lambda: D("Infinity") / D("0")), _t(lambda: D("Infinity") / D("1E+2")), _t(lambda: D("Infinity") / D("Infinity")), _t(lambda: D("Infinity") / D("0.125")))
r = (_t(lambda: D("Infinity") / D("3")), _t(lambda: D("Infinity") / D("-0.7")), _t(lambda: D("Infinity") / D("0")), _t(lambda: D("Infinity") / D("1E+2")), _t(lambda: D("Infinity") / D("Infinity")), _t(lambda: D("Infinity") / D("0.125")))
r = (_t(lambda: D("NaN") / D("3")), _t(lambda: D("NaN") / D("-0.7")), _t(lambda: D("NaN") / D("0")), _t(lambda: D("NaN") / D("1E+2")), _t(lambda: D("NaN") / D("Infinity")), _t(lambda: D("NaN") / D("0.125")))
r = (_t(lambda: D("0") // D("3")), _t(lambda: D("0") // D("-0.7")), _t(lambda: D("0") // D("0")), _t(lambda: D("0") // D("1E+2")), _t(lambda: D("0") // D("Infinity")), _t(lambda: D("0") // D("0.125")))
r = (_t(lambda: D("1") // D("3")), _t(lambda: D("1") // D("-0.7")), _t(lambda: D("1") // D("0")), _t(lambda: D("1") // D("1E+2")), _t(lambda: D("1") // D("Infinity")), _t(lambda: D("1") // D("0.125")))
r = (_t(lambda: D("1.5") // D("3")), _t(lambda: D("1.5") // D("-0.7")), _t(lambda: D("1.5") // D("0")), _t(lambda: D("1.5") // D("1E+2")), _t(lambda: D("1.5") // D("Infinity")), _t(lambda: D("1.5") // D("0.125")))
r = (_t(lambda: D("-3.75") // D("3")), _t(lambda: D("-3.75") // D("-0.7")), _t(lambda: D("-3.75") // D("0")), _t(lambda: D("-3.75") // D("1E+2")), _t(lambda: D("-3.75") // D("Infinity")), _t(lambda: D("-3.75") // D("0.125")))
r = (_t(lambda: D("1E+3") // D("3")), _t(lambda: D("1E+3") // D("-0.7")), _t(lambda: D("1E+3") // D("0")), _t(lambda: D("1E+3") // D("1E+2")), _t(lambda: D("1E+3") // D("Infinity")), _t(lambda: D("1E+3") // D("0.125")))
r = (_t(lambda: D("9.999999999999999999999999999") // D("3")), _t(lambda: D("9.999999999999999999999999999") // D("-0.7")), _t(lambda: D("9.999999999999999999999999999") // D("0")), _t(lambda: D("9.999999999999999999999999999") // D("1E+2")), _t(lambda: D("9.999999999999999999999999999") // D("Infinity")), _t(lambda: D("9.999999999999999999999999999") // D("0.125")))
r = (_t(lambda: D("Infinity") // D("3")), _t(lambda: D("Infinity") // D("-0.7")), _t(lambda: D("Infinity") // D("0")), _t(lambda: D("Infinity") // D("1E+2")), _t(lambda: D("Infinity") // D("Infinity")), _t(lambda: D("Infinity") // D("0.125")))
r = (_t(lambda: D("Infinity") // D("3")), _t(lambda: D("Infinity") // D("-0.7")), _t(lambda: D("Infinity") // D("0")), _t(lambda: D("Infinity") // D("1E+2")), _t(lambda: D("Infinity") // D("Infinity")), _t(lambda: D("Infinity") // D("0.125")))
r = (_t(lambda: D("NaN") // D("3")), _t(lambda: D("NaN") // D("-0.7")), _t(lambda: D("NaN") // D("0")), _t(lambda: D("NaN") // D("1E+2")), _t(lambda: D("NaN") // D("Infinity")), _t(lambda: D("NaN") // D("0.125")))
r = (_t(lambda: D("0") % D("3")), _t(lambda: D("0") % D("-0.7")), _t(lambda: D("0") % D("0")), _t(lambda: D("0") % D("1E+2")), _t(lambda: D("0") % D("Infinity")), _t(lambda: D("0") % D("0.125")))
r = (_t(lambda: D("1") % D("3")), _t(lambda: D("1") % D("-0.7")), _t(lambda: D("1") % D("0")), _t(lambda: D("1") % D("1E+2")), _t(lambda: D("1") % D("Infinity")), _t(lambda: D("1") % D("0.125")))
r = (_t(lambda: D("1.5") % D("3")), _t(lambda: D("1.5") % D("-0.7")), _t(lambda: D("1.5") % D("0")), _t(lambda: D("1.5") % D("1E+2")), _t(lambda: D("1.5") % D("Infinity")), _t(lambda: D("1.5") % D("0.125")))
r = (_t(lambda: D("-3.75") % D("3")), _t(lambda: D("-3.75") % D("-0.7")), _t(lambda: D("-3.75") % D("0")), _t(lambda: D("-3.75") % D("1E+2")), _t(lambda: D("-3.75") % D("Infinity")), _t(lambda: D("-3.75") % D("0.125")))
r = (_t(lambda: D("1E+3") % D("3")), _t(lambda: D("1E+3") % D("-0.7")), _t(lambda: D("1E+3") % D("0")), _t(lambda: D("1E+3") % D("1E+2")), _t(lambda: D("1E+3") % D("Infinity")), _t(lambda: D("1E+3") % D("0.125")))
r = (_t(lambda: D("9.999999999999999999999999999") % D("3")), _t(lambda: D("9.999999999999999999999999999") % D("-0.7")), _t(lambda: D("9.999999999999999999999999999") % D("0")), _t(lambda: D("9.999999999999999999999999999") % D("1E+2")), _t(lambda: D("9.999999999999999999999999999") % D("Infinity")), _t(lambda: D("9.999999999999999999999999999") % D("0.125")))
r = (_t(lambda: D("Infinity") % D("3")), _t(lambda: D("Infinity") % D("-0.7")), _t(lambda: D("Infinity") % D("0")), _t(lambda: D("Infinity") % D("1E+2")), _t(lambda: D("Infinity") % D("Infinity")), _t(lambda: D("Infinity") % D("0.125")))
r = (_t(lambda: D("Infinity") % D("3")), _t(lambda: D("Infinity") % D("-0.7")), _t(lambda: D("Infinity") % D("0")), _t(lambda: D("Infinity") % D("1E+2")), _t(lambda: D("Infinity") % D("Infinity")), _t(lambda: D("Infinity") % D("0.125")))
r = (_t(lambda: D("NaN") % D("3")), _t(lambda: D("NaN") % D("-0.7")), _t(lambda: D("NaN") % D("0")), _t(lambda: D("NaN") % D("1E+2")), _t(lambda: D("NaN") % D("Infinity")), _t(lambda: D("NaN") % D("0.125")))
r = [_round("1.2345", m) for m in MODES]
r = [_round("-1.2355", m) for m in MODES]
r = [_round("9.995", m) for m in MODES]
r = [_round("0.99951", m) for m in MODES]
r = [_round("12345", m) for m in MODES]
r = [_round("-0.0012345", m) for m in MODES]
r = [_round("1.0051", m) for m in MODES]
r = [_round("2.25", m) for m in MODES]
r = [_round("2.35", m) for m in MODES]
r = [_round("99.9999", m) for m in MODES]
r = [format(D("0"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("-1.5"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("1234567.891"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("0.000123"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("1E+5"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("-0.05"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("999.9999"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("NaN"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("-Infinity"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
r = [format(D("1.5E-10"), s) for s in ("", ".2f", ",.3f", ".3g", "e", ".1e", "%", ".0%", ">12.3f", "<+9", "^15,.1f", "010.1f", "G", ".10g")]
'''
def _t(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__
def _round(v, m):
    with localcontext(prec=3, rounding=m):
        return +D(v)
G = globals()
for line in EXPRS.strip().splitlines():
    line = line.strip().replace("\\n", "\n")
    if not line:
        continue
    try:
        try:
            r = eval(line, G)
        except SyntaxError:
            exec(line, G)
            r = G["r"]
        out = repr(r)
    except Exception as e:
        out = type(e).__name__ + ": " + str(e)
    print(line[:40], "=>", out)
