# statistics as python3.11 computes it (exact fractions, correctly rounded square roots, fsum paths)
import statistics as st
from fractions import Fraction
from decimal import Decimal
import random
random.seed(7)
floats = [random.uniform(-100, 100) for _ in range(301)]
ints = [random.randrange(1000) for _ in range(200)]
cases = [
    "st.mean([1, 2, 3, 4])", "st.mean([1, 2, 3])", "st.mean(floats)", "st.mean(ints)", "st.mean([Fraction(1, 3), 2])",
    "st.mean([Decimal('0.5'), Decimal('0.75')])", "st.mean([1.5, Fraction(1, 4)])", "st.mean([True, False, True])",
    "st.fmean(floats)", "st.fmean(ints)", "st.fmean(iter([1, 2, 3]))", "st.fmean([1, 2, 3], weights=[3, 2, 1])",
    "st.geometric_mean([54, 24, 36])", "st.harmonic_mean([40, 60])", "st.harmonic_mean([2.5, 3, 10], weights=[1, 2, 3])",
    "st.median(floats)", "st.median([1, 3, 5, 7])", "st.median_low([1, 3, 5, 7])", "st.median_high([1, 3, 5, 7])",
    "st.median_grouped([52, 52, 53, 54])", "st.median_grouped([1, 3, 3, 5, 7], interval=2)",
    "st.mode([1, 1, 2, 3, 3, 3, 3, 4])", "st.mode('aabbbc')", "st.multimode('aabbbbccddddeeffffgg')",
    "st.quantiles(floats, n=10)", "st.quantiles(ints, n=4, method='inclusive')", "st.quantiles([1, 2], n=4)",
    "st.variance(floats)", "st.variance(ints)", "st.variance([Fraction(1, 3), Fraction(2, 5), 3])",
    "st.variance([Decimal('27.5'), Decimal('30.25'), Decimal('30.25'), Decimal('34.5'), Decimal('41.75')])",
    "st.pvariance(floats)", "st.pvariance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])", "st.stdev(floats)", "st.stdev(ints)",
    "st.pstdev(floats)", "st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])", "st.stdev([1, 2, 3, 4, 5], xbar=3)",
    "st.variance([1, 2, 3, 4, 5], 3.5)", "st.covariance(floats[:100], floats[100:200])",
    "st.correlation(floats[:100], floats[100:200])", "st.linear_regression(ints[:50], floats[:50])",
    "st.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True)", "st.mean([])", "st.stdev([1])",
    "st.median([])", "st.mode([])", "st.correlation([1, 1, 1], [1, 2, 3])", "st.quantiles([1])",
    "st.mean(['a'])", "st.geometric_mean([1, -1])", "st.harmonic_mean([1, -1])", "st.variance([float('nan'), 1.0])",
    "st.StatisticsError.__mro__", "hasattr(st, 'kde')",
    "st.NormalDist(10, 2)", "st.NormalDist(10, 2).cdf(12.5)", "st.NormalDist(10, 2).inv_cdf(0.9)",
    "st.NormalDist(10, 2).pdf(11)", "st.NormalDist(10, 2).zscore(13)", "st.NormalDist(-3, 0.25).quantiles(10)",
    "[st.NormalDist().inv_cdf(p) for p in (1e-300, 1e-10, 0.001, 0.02, 0.3, 0.5, 0.77, 0.999, 1 - 1e-12)]",
    "st.NormalDist.from_samples(floats)", "st.NormalDist.from_samples(ints).overlap(st.NormalDist(500, 300))",
    "st.NormalDist(1, 2).overlap(st.NormalDist(1, 2))", "st.NormalDist(1, 2).overlap(st.NormalDist(3, 2))",
    "st.NormalDist(10, 2) + st.NormalDist(3, 1)", "st.NormalDist(10, 2) - 4", "3 - st.NormalDist(10, 2)",
    "2.5 * st.NormalDist(10, 2)", "st.NormalDist(10, 2) / -4", "-st.NormalDist(1, 1)",
    "st.NormalDist(1, 2) == st.NormalDist(1.0, 2.0)", "st.NormalDist(1, 2) == 1", "len({st.NormalDist(1, 2), st.NormalDist(1, 2)})",
    "st.NormalDist(5, 1).samples(4, seed=3)", "st.fmean(st.NormalDist(5, 1).samples(1000, seed=1))",
    "st.NormalDist(0, -1)", "st.NormalDist(0, 1).inv_cdf(0)", "st.NormalDist(0, 0).pdf(1)", "st.NormalDist(0, 0).cdf(1)",
    "st.NormalDist.from_samples([1])", "st.NormalDist(1, 1).overlap(3)", "st.NormalDist(1, 2).variance",
    "(st.NormalDist(1, 2).mean, st.NormalDist(1, 2).median, st.NormalDist(1, 2).mode, st.NormalDist(1, 2).stdev)",
]
for c in cases:
    try:
        r = repr(eval(c))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(c, '->', r)
