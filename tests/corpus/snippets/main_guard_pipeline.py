import gc
import sys


def load(n):
    return [{"id": i, "tags": ["a", "b", str(i % 10)]} for i in range(n)]


def transform(rows):
    return [{**r, "tag_count": len(r["tags"])} for r in rows]


def main(argv):
    rows = load(100000)
    out = transform(rows)
    del rows
    print(f"{len(out)} rows, {sys.getsizeof(out)} bytes in the outer list")
    gc.collect()
    return 0


if __name__ == "__main__":
    main(sys.argv)
