# cmath over finite arguments: sqrt/exp/cos/sin/cosh/sinh/phase/polar/log (with bases)/log10/rect/isclose/
# isfinite/isnan/isinf, the constants, signed zeros, the large-argument branches and the errors
import cmath, math
vals = [1+2j, -3+4j, 0.5-0.25j, -1e-3+7j, 2, -4, 0j, -0.0-2j, 1e300+1e300j, 1e-310+1e-310j, 0.9+0.3j, 3.5, 700+1j, 1-0.5j, -2.5-1.5j, 1e-8+1e-8j, 12345.678-0.001j]
for z in vals:
    row = [cmath.sqrt(z), cmath.exp(z) if abs(z.real if isinstance(z, complex) else z) < 710 else None, cmath.cos(z) if abs(z) < 700 else None, cmath.sin(z) if abs(z) < 700 else None,
           cmath.cosh(z) if abs(z) < 700 else None, cmath.sinh(z) if abs(z) < 700 else None, cmath.phase(z), cmath.polar(z)]
    if z != 0:
        row += [cmath.log(z), cmath.log10(z), cmath.log(z, 2), cmath.log(z, 1+1j)]
    print(repr(z), row)
print(cmath.rect(2, math.pi / 3), cmath.rect(1.5, 0), cmath.rect(-1, -0.0), cmath.rect(3, 1))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0j, 1e-12, abs_tol=1e-9))
print(cmath.isfinite(1+2j), cmath.isnan(complex(1, math.nan)), cmath.isinf(complex(math.inf, 0)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nanj)
for bad in ['x', None, [1]]:
    try:
        cmath.sqrt(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    cmath.log(0)
except ValueError as e:
    print('ValueError', e)
try:
    cmath.exp(800)
except OverflowError as e:
    print('OverflowError', e)
try:
    cmath.cosh(1000+1j)
except OverflowError as e:
    print('OverflowError', e)
print(cmath.exp(709.5+0.5j))
print(abs(cmath.exp(1j * math.pi) + 1) < 1e-15)
print([cmath.sqrt(complex(x, y)) for x in range(-3, 4) for y in (-1, 0, 1)])
