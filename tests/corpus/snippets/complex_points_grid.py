import resource

# sample the plane on a grid, keep the points that stay bounded (a toy Mandelbrot)
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

points = [complex(x / 100, y / 100) for x in range(-200, 60) for y in range(-120, 120)]
print(len(points), points[0], points[-1], f"peak {peak_mb():.1f} MB")

inside = []
for c in points:
    z = 0j
    for _ in range(8):
        z = z * z + c
    if abs(z) < 2:
        inside.append(c)
print(f"{len(inside)} of {len(points)} inside")

del points
print(f"peak after del: {peak_mb():.1f} MB")
