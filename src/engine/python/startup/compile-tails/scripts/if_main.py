import sys


def main(argv):
    data = {}
    for i in range(5000):
        data.setdefault(i % 17, []).append(i)
    return sum(len(v) for v in data.values())


if __name__ == "__main__":
    total = main(sys.argv)
    print(total)
