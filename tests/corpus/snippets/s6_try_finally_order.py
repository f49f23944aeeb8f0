order = []


def parse(s):
    try:
        order.append("try")
        value = int(s)
    except ValueError:
        order.append("except")
        return -1
    else:
        order.append("else")
        return value
    finally:
        order.append("finally")


def finally_wins():
    try:
        return "try"
    finally:
        return "finally"


def cleanup_buffers(n):
    bufs = []
    try:
        for i in range(n):
            bufs.append(bytes(1000))
            if i == n - 1:
                raise RuntimeError("boom at %d" % i)
    finally:
        order.append(f"freed {len(bufs)}")
        bufs.clear()


results = [parse(s) for s in ["1", "x", "3"]]
print(results, order)
print(finally_wins())
order.clear()
try:
    cleanup_buffers(50000)
except RuntimeError as e:
    print("caught", e, order)
values = [parse(str(i) if i % 5 else "bad") for i in range(100000)]
print(values.count(-1), len(order))
del values
order.clear()
