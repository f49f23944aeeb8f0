import argparse

parser = argparse.ArgumentParser(description="load records")
parser.add_argument("--count", type=int, default=30000)
parser.add_argument("--prefix", default="rec")
parser.add_argument("-v", "--verbose", action="store_true")
parser.add_argument("--tags", nargs="*", default=[])
args = parser.parse_args(["--count", "40000", "-v", "--tags", "a", "b"])
print(args.count, args.prefix, args.verbose, args.tags)

records = [{"id": i, "name": f"{args.prefix}-{i}", "tags": list(args.tags)} for i in range(args.count)]
print(len(records), records[-1])
print(vars(args))
del records
print("done")
