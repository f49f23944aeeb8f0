#== call_positional
print(1, 2, 3)
#== call_keywords
sorted(items, key=len, reverse=True)
#== call_star_args
f(*args)
g(1, *args)
h(*a, *b)
#== call_star_kwargs
f(**kwargs)
g(a=1, **kwargs)
h(**a, **b)
i(x, *args, k=1, **kwargs)
#== call_kwargs_between
f(a=1, **d, b=2, c=3)
#== call_method
s.split(",")
obj.method(1, key=2)
#== call_method_star
obj.method(*args)
obj.method(**kw)
#== call_chained
text.strip().lower().split()
#== call_nested
print(len(str(abs(-5))))
#== call_imported_module_method
import os
import json as js
p = os.path.join("a", "b")
d = js.loads(s)
x = os.getcwd()
#== call_from_import_not_module
from os import path
p = path.join("a", "b")
#== call_imported_in_function
import math
def dist(p, q):
    return math.sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)
#== call_many_args
f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32)
#== call_many_kwargs
f(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16)
#== call_method_many_args
obj.m(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30)
#== call_multiline_method
result = (
    session
    .query(User)
    .filter(User.age > 18)
    .all()
)
#== call_attribute_multiline
value = obj.\
    attr
#== call_generator_argument
total = sum(x for x in xs)
#== call_subscript_result
first = get_list()[0]
#== call_lambda_immediately
r = (lambda x: x + 1)(5)
#== call_keyword_repeated
f(a=1, a=2)
#== call_builtins_memory
import sys, gc
x = [0] * 1000
print(sys.getsizeof(x), sys.getrefcount(x))
gc.collect()
print(gc.get_count(), gc.get_threshold())
#== call_print_kwargs
print("a", "b", sep=", ", end="\n", file=sys.stderr, flush=True)
#== call_on_constant
x = "abc".upper()
n = (1).bit_length()
#== call_not_callable_warning
x = "abc"(1)
#== call_subscript_warning
y = [1, 2][3, 4]
