#== err_nonlocal_module
nonlocal x
#== err_nonlocal_no_binding
def f():
    nonlocal x
#== err_nonlocal_no_binding_global
x = 1
def f():
    nonlocal x
    x = 2
#== err_global_after_use
def f():
    print(x)
    global x
#== err_global_after_assign
def f():
    x = 1
    global x
#== err_global_param
def f(x):
    global x
#== err_nonlocal_param
def f():
    x = 1
    def g(x):
        nonlocal x
#== err_nonlocal_after_use
def f():
    x = 1
    def g():
        print(x)
        nonlocal x
#== err_nonlocal_and_global
def f():
    x = 1
    def g():
        global x
        nonlocal x
#== err_annotated_global
def f():
    global x
    x: int = 1
#== err_global_annotated
x: int
def f():
    y: int = 1
    global y
#== err_duplicate_argument
def f(a, b, a):
    pass
#== err_duplicate_lambda_argument
f = lambda x, x: x
#== err_import_star_in_function
def f():
    from os import *
#== err_assign_debug
__debug__ = 1
#== err_del_debug
del __debug__
#== err_debug_param
def f(__debug__):
    pass
#== err_debug_keyword
f(__debug__=1)
#== err_debug_attribute
obj.__debug__ = 1
#== err_starred_alone
*a = range(3)
#== err_starred_load
x = *a
#== err_multiple_starred
a, *b, *c = range(10)
#== err_future_late
import os
from __future__ import annotations
#== err_future_unknown
from __future__ import nonsense
#== err_future_braces
from __future__ import braces
#== err_too_many_nested_blocks
for a in x:
    for b in x:
        for c in x:
            for d in x:
                for e in x:
                    for f in x:
                        for g in x:
                            for h in x:
                                for i in x:
                                    for j in x:
                                        for k in x:
                                            for l in x:
                                                for m in x:
                                                    for n in x:
                                                        for o in x:
                                                            for p in x:
                                                                for q in x:
                                                                    for r in x:
                                                                        for s in x:
                                                                            for t in x:
                                                                                for u in x:
                                                                                    pass
#== err_comp_iter_target_global
def f():
    global i
    return [i for i in range(3)]
#== err_nested_nonlocal_class
def f():
    class C:
        nonlocal y
#== err_walrus_class_comprehension_nested
class C:
    def m(self):
        return [y := 1 for _ in range(2)]
#== err_yield_in_genexp
def f():
    return ((yield x) for x in range(3))
#== err_await_in_genexp_outside
def f():
    return (await x for x in y)
#== err_break_in_finally_loop_ok
for x in y:
    try:
        pass
    finally:
        break
#== err_return_in_finally_ok
def f():
    try:
        pass
    finally:
        return 1
#== err_continue_in_class_in_loop
for x in y:
    class C:
        continue
#== err_global_at_module_after_use
print(x)
global x
#== err_annotation_walrus
def f(x: (y := 1)):
    pass
