import argparse


def make_parser():
    p = argparse.ArgumentParser(prog="buildcache", description="Build a lookup cache")
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--prefix", default="key")
    p.add_argument("--verbose", "-v", action="count", default=0)
    p.add_argument("--drop", choices=["none", "half", "all"], default="none")
    p.add_argument("names", nargs="*")
    return p


args = make_parser().parse_args(["--count", "60000", "-vv", "--drop", "half", "alpha", "beta"])
print(args)

cache = {f"{args.prefix}:{i}": [i] * 4 for i in range(args.count)}
for name in args.names:
    cache[name] = name.upper()
print("cache size:", len(cache))

if args.drop == "half":
    for k in list(cache)[: len(cache) // 2]:
        del cache[k]
elif args.drop == "all":
    cache.clear()
print("after drop:", len(cache), "verbosity", args.verbose)

del cache
print("done")
