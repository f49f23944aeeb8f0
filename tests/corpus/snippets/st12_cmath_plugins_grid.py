import importlib
import cmath

# a "plugin" loader that imports codecs by name, then a grid of complex values kept in lists
plugins = {}
for name in ["json", "heapq", "cmath", "bisect"]:
    plugins[name] = importlib.import_module(name)
print(sorted(plugins), plugins["cmath"] is cmath)

n = 400
roots = [cmath.rect(1.0, 2 * cmath.pi * k / n) for k in range(n)]
print(len(roots), roots[1])

grid = [[cmath.exp(complex(x / 50, y / 50)) for x in range(-100, 100)] for y in range(150)]
print(len(grid), grid[10][10])

polar = [cmath.polar(z) for row in grid for z in row]
print(len(polar), polar[0])

del grid
logs = [cmath.log(r * 1.5 + 0.1) for r in roots]
print(logs[3], sum(abs(cmath.sqrt(z)) for z in logs))
del polar
