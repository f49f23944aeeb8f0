import argparse

parser = argparse.ArgumentParser(prog="indexer", description="Build an index")
parser.add_argument("paths", nargs="+")
parser.add_argument("-n", "--limit", type=int, default=1000)
parser.add_argument("--mode", choices=["fast", "full"], default="fast")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--tag", action="append", default=[])

args = parser.parse_args(["a.txt", "b.txt", "-n", "80000", "--mode", "full", "-vv", "--tag", "x", "--tag", "y"])
print(args.paths, args.limit, args.mode, args.verbose, args.tag)

index = {}
for i in range(args.limit):
    index[f"{args.paths[i % 2]}:{i}"] = (i, args.tag[i % 2])
print(len(index))

try:
    parser.parse_args(["--mode", "slow", "c.txt"])
except SystemExit as e:
    print("exit code", e.code)

opts = vars(args)
print(sorted(opts))

for key in list(index)[: args.limit // 2]:
    del index[key]
print(len(index))
del index
