#== class_empty
class Empty:
    pass
#== class_docstring
class Point:
    """A point in the plane."""
#== class_init
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
#== class_methods
class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return f"Stack({self.items!r})"
#== class_attributes
class Config:
    debug = False
    level = 3
    names = ["a", "b"]
    limits = {"cpu": 2, "mem": 1024}
#== class_inheritance
class Animal:
    def speak(self):
        return "..."

class Dog(Animal):
    def speak(self):
        return "woof"
#== class_multiple_bases
class A: pass
class B: pass
class C(A, B):
    pass
#== class_super
class Base:
    def __init__(self, name):
        self.name = name

class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
#== class_super_explicit
class Child(Base):
    def __init__(self):
        super(Child, self).__init__()
#== class_dunder_class
class Registry:
    def kind(self):
        return __class__.__name__
#== class_super_in_nested_function
class C(Base):
    def method(self):
        def helper():
            return super(C, self).method()
        return helper()
#== class_super_in_lambda
class C(Base):
    def method(self):
        return (lambda: super().method())()
#== class_property
class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self._celsius = (value - 32) * 5 / 9
#== class_static_class_methods
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
#== class_slots
class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
#== class_slots_weakref
class Node:
    __slots__ = ["value", "next", "__weakref__"]
#== class_private_names
class Account:
    def __init__(self, balance):
        self.__balance = balance

    def __check(self, amount):
        return amount <= self.__balance

    def withdraw(self, amount):
        if self.__check(amount):
            self.__balance -= amount
#== class_private_class_attr
class Secret:
    __key = 42
    def get(self):
        return self.__key, Secret.__key
#== class_mangling_underscore_class
class _Hidden:
    __x = 1
class __Dunder:
    __y = 2
#== class_metaclass
class Meta(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)

class Thing(metaclass=Meta):
    pass
#== class_kwargs_bases
class Model(Base, metaclass=ABCMeta, **extra):
    pass
#== class_star_bases
bases = (A, B)
class Mixed(*bases):
    pass
#== class_decorated
import dataclasses

@dataclasses.dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = dataclasses.field(default_factory=list)
#== class_decorator_args
@register("widgets", priority=2)
class Widget:
    pass
#== class_nested
class Outer:
    class Inner:
        def method(self):
            return "inner"
    def make(self):
        return self.Inner()
#== class_in_function
def make_class(base):
    class Dynamic(base):
        def hello(self):
            return base.__name__
    return Dynamic
#== class_body_uses_outer_local
def factory(n):
    class C:
        size = n
        def get(self):
            return n
    return C
#== class_free_var_same_name
def f(x):
    class C:
        x = 1
        def m(self):
            return x
    return C
#== class_body_loop
class Lookup:
    table = {}
    for i in range(10):
        table[i] = i * i
    del i
#== class_body_comprehension
class Squares:
    values = [x * x for x in range(10)]
    limit = 5
#== class_dunder_methods
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __lt__(self, other):
        return self.cents < other.cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __bool__(self):
        return self.cents != 0
#== class_container_protocol
class Bag:
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __contains__(self, k):
        return k in self._d
    def __iter__(self):
        return iter(self._d)
#== class_context_manager
class Timer:
    def __enter__(self):
        self.start = now()
        return self
    def __exit__(self, exc_type, exc, tb):
        self.elapsed = now() - self.start
        return False
#== class_del
class Resource:
    def __del__(self):
        print("released", id(self))
#== class_exception
class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code

class NotFound(AppError):
    pass
#== class_with_annotations
class Settings:
    host: str = "localhost"
    port: int = 8080
    debug: bool
#== class_instance_counter
class Tracked:
    count = 0
    def __init__(self):
        Tracked.count += 1
        self.id = Tracked.count
#== class_getattr
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
#== class_call
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
double = Multiplier(2)
print(double(21))
#== class_global_in_method
registry = []
class Plugin:
    def register(self):
        global registry
        registry = registry + [self]
#== class_global_name_decl
class C:
    global helper
    def helper(self):
        pass
#== class_qualname_global_function
def outer():
    global inner_fn
    def inner_fn():
        pass
    class Local:
        def method(self):
            pass
    return Local
#== class_many_instances
class Particle:
    __slots__ = ("x", "y", "vx", "vy")
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.vx = self.vy = 0.0
    def step(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt

particles = [Particle(i, i * 2) for i in range(10000)]
for p in particles:
    p.step(0.1)
#== class_classdef_keyword_only
class Base:
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag

class Sub(Base, tag="sub"):
    pass
#== class_method_chaining
class Query:
    def __init__(self):
        self.parts = []
    def where(self, cond):
        self.parts.append(cond)
        return self
    def limit(self, n):
        self.n = n
        return self

q = Query().where("a > 1").where("b < 2").limit(10)
