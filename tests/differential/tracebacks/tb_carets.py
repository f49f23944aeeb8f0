import traceback


def boom(*a, **k):
    raise ValueError("boom")


class Obj:
    def meth(self, x):
        return boom(x)


o = Obj()
d = {"k": [1, 2]}
x = None


def case1():
    boom(1)


def case2():
    return boom(2)


def case3():
    x = boom(3)


def case4():
    x.y = boom(4)


def case5():
    return o.meth(5)


def case6():
    r = o.meth(6) + 1


def case7():
    return d["k"][7]


def case8():
    total = (1 +
             boom(8))


def case9():
    val = boom(
        9,
        10,
    )


def case10():
    return 1 / 0


def case11():
    a, b = boom(11)


def case12():
    if boom(12): pass


def case13():
    boom(1)(2)


def case14():
    for _ in boom(14): pass


def case15():
    return d[
        "missing"
    ]


def case16():
    s = "中文" + boom(16)


def case17():
    o.meth(
        17)


def case18():
    return o.missing_attr


def case19():
    value = d["k"][0] + d["k"][1] + boom(
        1,
        2,
        3,
        4,
        5,
    )


def case20():
    y = [1, 2][
        5
    ]


def case21():
    print(boom(21), end="")


def case22():
    result = o.meth(22)


def case23():
    return len(boom)


for i in range(1, 24):
    try:
        globals()[f"case{i}"]()
    except Exception:
        traceback.print_exc()
        print(traceback.format_exc().count("\n"))


def outer():
    inner = lambda v: v[3]
    return inner([1])


outer()
