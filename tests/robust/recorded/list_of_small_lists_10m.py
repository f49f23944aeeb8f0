# Issue 12 §8: ten million small lists, a finite workload the old step budget called "an endless loop?"
a = [[0] * 10 for _ in range(10**7)]
del a
