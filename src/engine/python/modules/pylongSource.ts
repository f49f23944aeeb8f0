/**
 * _pylong (Lib/_pylong.py, 3.12 and 3.13) as Python run by the VM, written for Highwater from what
 * the module does, so that the conversions longobject.c hands it allocate what the real ones do:
 * the same divide-and-conquer splits, the same power caches, the same Decimal and int temporaries
 * in the same order. Three entry points: int_to_decimal_string (str() of an int of more than 1,000
 * digits), int_from_string (int() of more than 6,000 decimal digits), int_divmod (`//` and divmod()
 * of a long dividend by a long divisor).
 *
 * 3.12: int → str builds a Decimal by recursive halving (128-bit leaves, powers of two cached on
 * the fly in a dict), then str() of it; str → int halves the digit string (2,048-digit leaves),
 * powers of five cached on the fly.
 * 3.13: the powers are computed up front (compute_powers: the set of exponents needed, then each from
 * the one below or by squaring); int → str below 450,000 bits divides by powers of ten (1,000-digit
 * leaves, each half zero-filled), above it the Decimal route with 200-bit leaves.
 */

/** Burnikel–Ziegler division, the same in 3.12 and 3.13. */
const DIVISION = `
_DIV_LIMIT = 4000


def _div2n1n(a, b, n):
    # a has at most 2n bits, b exactly n: (a // b, a % b) by two 3n/2n steps
    if a.bit_length() - n <= _DIV_LIMIT:
        return divmod(a, b)
    pad = n & 1
    if pad:
        a <<= 1
        b <<= 1
        n += 1
    half = n >> 1
    mask = (1 << half) - 1
    b1, b2 = b >> half, b & mask
    q1, r = _div3n2n(a >> n, (a >> half) & mask, b, b1, b2, half)
    q2, r = _div3n2n(r, a & mask, b, b1, b2, half)
    if pad:
        r >>= 1
    return q1 << half | q2, r


def _div3n2n(a12, a3, b, b1, b2, n):
    if a12 >> n == b1:
        q, r = (1 << n) - 1, a12 - (b1 << n) + b1
    else:
        q, r = _div2n1n(a12, b1, n)
    r = (r << n | a3) - q * b2
    while r < 0:
        q -= 1
        r += b
    return q, r


def _int2digits(a, n):
    # little-endian digits of a in base 2**n, split recursively
    digits = [0] * ((a.bit_length() + n - 1) // n)

    def split(x, lo, hi):
        if lo + 1 == hi:
            digits[lo] = x
            return
        mid = (lo + hi) >> 1
        shift = (mid - lo) * n
        top = x >> shift
        bottom = x ^ (top << shift)
        split(bottom, lo, mid)
        split(top, mid, hi)

    if a:
        split(a, 0, len(digits))
    return digits


def _digits2int(digits, n):
    def join(lo, hi):
        if lo + 1 == hi:
            return digits[lo]
        mid = (lo + hi) >> 1
        shift = (mid - lo) * n
        return (join(mid, hi) << shift) + join(lo, mid)

    return join(0, len(digits)) if digits else 0


def _divmod_pos(a, b):
    n = b.bit_length()
    a_digits = _int2digits(a, n)
    r = 0
    q_digits = []
    for d in reversed(a_digits):
        q_digit, r = _div2n1n((r << n) + d, b, n)
        q_digits.append(q_digit)
    q_digits.reverse()
    q = _digits2int(q_digits, n)
    return q, r


def int_divmod(a, b):
    if b == 0:
        raise ZeroDivisionError
    elif b < 0:
        q, r = int_divmod(-a, -b)
        return q, -r
    elif a < 0:
        q, r = int_divmod(~a, b)
        return ~q, b + ~r
    else:
        return _divmod_pos(a, b)
`;

const FROM_STRING_TAIL = `
def int_from_string(s):
    s = s.rstrip().replace('_', '')
    return _str_to_int_inner(s)
`;

export const PYLONG_SOURCE_3_12 = `
import re
import decimal


def int_to_decimal(n):
    D = decimal.Decimal
    D2 = D(2)
    BITLIM = 128
    mem = {}

    def w2pow(w):
        result = mem.get(w)
        if result is None:
            if w <= BITLIM:
                result = D2 ** w
            elif w - 1 in mem:
                t = mem[w - 1]
                result = t + t
            else:
                w2 = w >> 1
                result = w2pow(w2) * w2pow(w - w2)
            mem[w] = result
        return result

    def inner(n, w):
        if w <= BITLIM:
            return D(n)
        w2 = w >> 1
        hi = n >> w2
        lo = n - (hi << w2)
        return inner(lo, w2) + inner(hi, w - w2) * w2pow(w2)

    with decimal.localcontext() as ctx:
        ctx.prec = decimal.MAX_PREC
        ctx.Emax = decimal.MAX_EMAX
        ctx.Emin = decimal.MIN_EMIN
        ctx.traps[decimal.Inexact] = 1
        if n < 0:
            negate = True
            n = -n
        else:
            negate = False
        result = inner(n, n.bit_length())
        if negate:
            result = -result
    return result


def int_to_decimal_string(n):
    return str(int_to_decimal(n))


def _str_to_int_inner(s):
    DIGLIM = 2048
    mem = {}

    def w5pow(w):
        result = mem.get(w)
        if result is None:
            if w <= DIGLIM:
                result = 5 ** w
            elif w - 1 in mem:
                result = mem[w - 1] * 5
            else:
                w2 = w >> 1
                result = w5pow(w2) * w5pow(w - w2)
            mem[w] = result
        return result

    def inner(a, b):
        if b - a <= DIGLIM:
            return int(s[a:b])
        mid = (a + b + 1) >> 1
        return inner(mid, b) + ((inner(a, mid) * w5pow(b - mid)) << (b - mid))

    return inner(0, len(s))

${FROM_STRING_TAIL}
${DIVISION}`;

export const PYLONG_SOURCE_3_13 = `
import re
import decimal


def compute_powers(w, base, more_than):
    # every exponent the halving recursion asks for, then each power from the one below it
    # (one more multiplication by base) or from half of it (a square)
    seen = set()
    need = set()
    ws = {w}
    while ws:
        w = ws.pop()
        if w in seen or w <= more_than:
            continue
        seen.add(w)
        lo = w >> 1
        need.add(lo)
        ws.add(lo)
        if w & 1:
            ws.add(lo + 1)
    d = {}
    if not need:
        return d
    it = iter(sorted(need))
    first = next(it)
    d[first] = base ** first
    for this in it:
        if this - 1 in d:
            d[this] = d[this - 1] * base
        else:
            lo = this >> 1
            hi = this - lo
            sq = d[lo] * d[lo]
            if hi != lo:
                sq *= base
            d[this] = sq
    return d


_unbounded_dec_context = decimal.getcontext().copy()
_unbounded_dec_context.prec = decimal.MAX_PREC
_unbounded_dec_context.Emax = decimal.MAX_EMAX
_unbounded_dec_context.Emin = decimal.MIN_EMIN
_unbounded_dec_context.traps[decimal.Inexact] = 1


def int_to_decimal(n):
    from decimal import Decimal as D
    BITLIM = 200

    def inner(n, w):
        if w <= BITLIM:
            return D(n)
        w2 = w >> 1
        hi = n >> w2
        lo = n & ((1 << w2) - 1)
        return inner(lo, w2) + inner(hi, w - w2) * w2pow[w2]

    with decimal.localcontext(_unbounded_dec_context):
        nbits = n.bit_length()
        w2pow = compute_powers(nbits, D(2), BITLIM)
        if n < 0:
            negate = True
            n = -n
        else:
            negate = False
        result = inner(n, nbits)
        if negate:
            result = -result
    return result


def int_to_decimal_string(n):
    w = n.bit_length()
    if w > 450_000:
        return str(int_to_decimal(n))
    DIGLIM = 1000

    def inner(n, w):
        if w <= DIGLIM:
            return str(n)
        w2 = w >> 1
        hi, lo = divmod(n, pow10[w2])
        return inner(hi, w - w2) + inner(lo, w2).zfill(w2)

    w = int(w * 0.3010299956639812 + 1)
    pow10 = compute_powers(w, 5, DIGLIM)
    for k, v in pow10.items():
        pow10[k] = v << k
    if n < 0:
        n = -n
        sign = '-'
    else:
        sign = ''
    s = inner(n, w)
    if s[0] == '0' and n:
        s = s.lstrip('0')
    return sign + s


def _str_to_int_inner(s):
    DIGLIM = 2048

    def inner(a, b):
        if b - a <= DIGLIM:
            return int(s[a:b])
        mid = (a + b + 1) >> 1
        return inner(mid, b) + ((inner(a, mid) * w5pow[b - mid]) << (b - mid))

    w5pow = compute_powers(len(s), 5, DIGLIM)
    return inner(0, len(s))

${FROM_STRING_TAIL}
${DIVISION}`;
