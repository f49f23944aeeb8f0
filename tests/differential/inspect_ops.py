# inspect as python3.11 behaves: the predicates, getmembers, signature() of functions, methods,
# classes and decorated functions (str, repr, parameters, kinds, bind), getdoc/cleandoc, unwrap.
# getmembers is left out (a function's docstring is not kept by the simulator's compiler yet, and
# getmembers of a class or instance: it reads every name of dir(), and object's
# __dir__, __getattribute__, __getstate__, __hash__, __reduce__ and __reduce_ex__ are not modelled
import inspect, functools, abc


def plain(a, b=2, *args, c, d=4, **kw):
    """Docstring.

        Indented line.
    """


def annotated(x: int, y: 'str' = 'v', *, z: list[int] = None) -> dict:
    pass


def posonly(a, b, /, c, *, d):
    pass


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


class Base:
    attr = 1

    def __init__(self, n, *, flag=False):
        self.n = n

    def method(self, k=0):
        return k

    @classmethod
    def cm(cls, v):
        pass

    @staticmethod
    def sm(w):
        pass

    @property
    def prop(self):
        return self.n


class Child(Base):
    extra = 'e'


class WithNew:
    def __new__(cls, p, q=1):
        return super().__new__(cls)


class Abstract(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass


class Empty:
    pass


class Documented:
    """Docstring.

        Indented line.
    """


class CallMe:
    def __call__(self, u, v=3):
        pass


def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper


@deco
def decorated(m, n=5):
    pass


cases = [
    "r = [inspect.isfunction(plain), inspect.isfunction(len), inspect.isbuiltin(len), inspect.isclass(Base), inspect.isclass(Base(1))]",
    "r = [inspect.ismethod(Base(1).method), inspect.ismethod(Base.method), inspect.isroutine(len), inspect.isroutine(Base.method), inspect.isroutine(1)]",
    "r = [inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.iscoroutinefunction(coro), inspect.isasyncgenfunction(agen), inspect.isgeneratorfunction(plain)]",
    "c = coro(); r = [inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isasyncgen(agen())]; c.close()",
    "r = [inspect.ismodule(inspect), inspect.ismodule(plain), inspect.isabstract(Abstract), inspect.isabstract(Base), inspect.iscode(plain.__code__)]",
    "r = [inspect.isdatadescriptor(Base.prop), inspect.ismethoddescriptor(str.upper), inspect.ismethoddescriptor(Base.prop)]",
    "r = [c.__name__ for c in inspect.getmro(Child)]",
    "r = str(inspect.signature(plain)), repr(inspect.signature(plain))",
    "r = str(inspect.signature(annotated))",
    "r = str(inspect.signature(posonly))",
    "r = str(inspect.signature(Base)), str(inspect.signature(Base(1).method)), str(inspect.signature(Base.method))",
    "r = str(inspect.signature(Base.cm)), str(inspect.signature(Base.sm)), str(inspect.signature(WithNew)), str(inspect.signature(Empty))",
    "r = str(inspect.signature(CallMe())), str(inspect.signature(decorated)), str(inspect.signature(decorated, follow_wrapped=False))",
    "r = str(inspect.signature(lambda x, *y, **z: 0))",
    "s = inspect.signature(plain); r = [(p.name, str(p.kind), p.default is p.empty, repr(p)) for p in s.parameters.values()]",
    "s = inspect.signature(annotated); r = s.return_annotation, s.parameters['x'].annotation, s.parameters['z'].default, s.parameters['x'].kind == inspect.Parameter.POSITIONAL_OR_KEYWORD",
    "r = list(inspect.signature(plain).parameters), len(inspect.signature(posonly).parameters)",
    "b = inspect.signature(plain).bind(1, 2, 3, c=5, e=6); r = b.arguments, b.args, b.kwargs, repr(b)",
    "b = inspect.signature(plain).bind(1, c=0); b.apply_defaults(); r = b.arguments",
    "r = inspect.signature(plain).bind(1)",
    "r = inspect.signature(posonly).bind(1, b=2, c=3, d=4)",
    "r = inspect.signature(Base.method).bind(1, 2, 3)",
    "r = inspect.signature(Base.method).bind(1, k=2, z=3)",
    "r = inspect.signature(plain).bind_partial(c=1).arguments",
    "r = inspect.signature(plain) == inspect.signature(plain), inspect.signature(plain) == inspect.signature(posonly)",
    "P = inspect.Parameter; r = str(inspect.Signature([P('a', P.POSITIONAL_ONLY), P('b', P.KEYWORD_ONLY, default=1)]))",
    "P = inspect.Parameter; r = inspect.Signature([P('a', P.KEYWORD_ONLY), P('b', P.POSITIONAL_ONLY)])",
    "P = inspect.Parameter; r = P('1x', P.POSITIONAL_ONLY)",
    "P = inspect.Parameter; r = P('args', P.VAR_POSITIONAL, default=1)",
    "r = str(inspect.signature(plain).replace(return_annotation=int)), str(inspect.signature(plain).parameters['b'].replace(default=9))",
    "r = inspect.signature(42)",
    "r = inspect.getdoc(Documented), inspect.getdoc(Empty), inspect.cleandoc('  a\\n    b\\n  c\\n')",
    "r = inspect.unwrap(decorated) is decorated.__wrapped__, inspect.unwrap(plain) is plain",
    "r = inspect.CO_GENERATOR, inspect.CO_COROUTINE, inspect.CO_VARARGS, inspect.CO_VARKEYWORDS",
    "r = sorted(str(k) for k in inspect.Parameter.__dict__ if k.isupper())",
    "r = inspect.Parameter.KEYWORD_ONLY > inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.VAR_KEYWORD.description",
]

for case in cases:
    ns = dict(globals())
    try:
        exec(case, ns)
        print(repr(ns['r']))
    except Exception as e:
        print('%s: %s' % (type(e).__name__, e))
