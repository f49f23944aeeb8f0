# Exception groups (PEP 654) and notes (PEP 678): construction rules, split/subgroup/derive, except* matching
# and re-raising, sys.exc_info() inside a clause, the errors each misuse raises; iter(callable, sentinel).
import sys
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print(repr(e), repr(sys.exc_info()[1]))
        raise TypeError("new")
except BaseException as outer:
    print("outer", repr(outer), repr(outer.exceptions))
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked caught", repr(e), e.exceptions[0] is not None)
        raise
except ExceptionGroup as g:
    print("reraised", repr(g))
except ValueError as v:
    print("naked back", repr(v))
try:
    ExceptionGroup("x", [])
except ValueError as e: print(e)
try:
    ExceptionGroup("x", [1])
except ValueError as e: print(e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e: print(e)
try:
    ExceptionGroup(1, [ValueError()])
except TypeError as e: print(e)
try:
    ExceptionGroup("x", 5)
except TypeError as e: print(e)
try:
    ExceptionGroup("x", [ValueError()]).split(5)
except TypeError as e: print(e)
try:
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e: print(e)
e = ValueError(); 
try: e.add_note(5)
except TypeError as x: print(x)
class MyEG(ExceptionGroup):
    def derive(self, excs): return MyEG(self.message, excs)
m = MyEG("mine", [ValueError(1), TypeError(2)])
print(m.split(ValueError), type(m.split(ValueError)[0]))
try:
    raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
except* (ValueError, KeyError) as e:
    print("both", repr(e))
def f():
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b"), ExceptionGroup("inner", [KeyError("k")])])
try:
    f()
except* ValueError as e:
    print("caught", repr(e))
except* KeyError as e:
    print("keys", repr(e), e.exceptions)
except* TypeError:
    print("type")
eg = ExceptionGroup("x", [ValueError(1), ValueError(2), OSError(3)])
m, r = eg.split(ValueError)
print(m, r, eg.subgroup(lambda e: isinstance(e, OSError)))
e = RuntimeError("boom")
e.add_note("first note")
e.add_note("second")
print(e.__notes__, str(e))
try:
    raise ExceptionGroup("eg", [e])
except ExceptionGroup as g:
    print(len(g.exceptions), g.message, g.derive([ValueError()]))
def nested():
    try:
        raise ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ValueError(3)]), OSError(4)])
    except* ValueError as v:
        print("v", repr(v))
    except* OSError as o:
        print("o", repr(o))
        raise
try:
    nested()
except ExceptionGroup as rest:
    print("rest", repr(rest), rest.exceptions)
eg = ExceptionGroup("n", [ValueError(1)])
eg.add_note("kept")
m, r = eg.split(lambda e: True)
print(m is eg, r, m.__notes__)
leaf = ExceptionGroup("p", [ExceptionGroup("q", [KeyError(1), KeyError(2)]), IndexError(3)])
leaf.__notes__ = ["a"]
sub = leaf.subgroup(KeyError)
print(sub, sub.__notes__, sub.__notes__ is leaf.__notes__, sub.exceptions[0].exceptions)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), ExceptionGroup.__bases__)
print(str(ExceptionGroup("one", [ValueError()])), ExceptionGroup("one", [ValueError()]).args)
# iter(callable, sentinel): the callable iterator
stack = [5, 4, 0, 3]
print(list(iter(stack.pop, 0)), stack, type(iter(int, 1)).__name__)
def counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        if n > 4:
            raise StopIteration
        return n
    return step
print(list(iter(counter(), 99)), list(iter(iter([1, 2, 3]).__next__, 2)))
try:
    iter(5, 1)
except TypeError as e:
    print(e)
