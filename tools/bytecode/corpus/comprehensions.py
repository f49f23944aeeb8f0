#== listcomp_simple
squares = [x * x for x in range(10)]
#== listcomp_condition
evens = [n for n in numbers if n % 2 == 0]
#== listcomp_multiple_conditions
picked = [n for n in numbers if n > 0 if n < 100 if n % 7]
#== listcomp_nested_for
pairs = [(i, j) for i in range(4) for j in range(i, 4)]
#== listcomp_nested_listcomp
matrix = [[0] * 100 for _ in range(1000)]
transposed = [[row[i] for row in matrix] for i in range(100)]
#== listcomp_the_brief_example
a = [[0] * 100 for _ in range(1000000)]
del a
#== setcomp
letters = {c.lower() for c in text if c.isalpha()}
#== dictcomp
index = {name: i for i, name in enumerate(names)}
#== dictcomp_condition_swap
inverted = {v: k for k, v in mapping.items() if v is not None}
#== comp_in_function_closure
def scaled(values, factor):
    return [v * factor for v in values]
#== comp_captures_outer_loop_var
def table(n):
    return [[i * j for j in range(n)] for i in range(n)]
#== comp_tuple_target
totals = [a + b for a, b in zip(xs, ys)]
#== comp_starred_target
heads = [first for first, *_ in rows]
#== comp_single_element_list
doubled = [y for x in data for y in [x * 2]]
#== comp_single_element_tuple
doubled = [y for x in data for y in (x, )]
#== comp_walrus
results = [y for x in data if (y := f(x)) is not None]
#== comp_walrus_in_function
def g(data):
    found = [last := x for x in data if x > 0]
    return found, last
#== comp_walrus_global
def g(data):
    global last
    return [last := x for x in data]
#== comp_walrus_in_class_error
class C:
    values = [(y := x) for x in range(3)]
#== comp_walrus_iterable_error
vals = [x for x in (y := range(3))]
#== comp_walrus_rebind_iter_error
vals = [i := 0 for i in range(3)]
#== comp_in_lambda
flatten = lambda rows: [x for row in rows for x in row]
#== lambda_in_comp
funcs = [lambda: i for i in range(3)]
#== comp_in_class_method
class Grid:
    def __init__(self, w, h):
        self.cells = [[None] * w for _ in range(h)]
    def column(self, i):
        return [row[i] for row in self.cells]
#== comp_nested_generator_in_comp
sums = [sum(x for x in row) for row in grid]
#== comp_dict_of_lists
groups = {k: [v for v in values if key(v) == k] for k in keys}
#== comp_over_literal_list
vals = [x for x in [1, 2, 3]]
#== comp_over_literal_set_in
vals = [x for x in items if x in {"a", "b", "c"}]
#== comp_conditional_expression_elt
labels = ["even" if n % 2 == 0 else "odd" for n in range(10)]
#== comp_method_call_elt
upper = [s.upper() for s in strings]
#== comp_outer_uses_class_var
class A:
    n = 3
    vals = [i for i in range(n)]
#== comp_deep_nesting
cube = [[[x + y + z for z in range(3)] for y in range(3)] for x in range(3)]
#== comp_set_of_tuples
seen = {(r, c) for r in range(8) for c in range(8) if (r + c) % 2}
#== comp_unpack_in_elt
merged = [*a, *b]
flat = [(*p, 0) for p in points]
#== comp_with_await_in_async
async def f(xs):
    return [await g(x) for x in xs]
#== comp_in_default_arg
def f(a=[x for x in range(3)]):
    return a
#== comp_dictcomp_nested_funcs
handlers = {name: (lambda n=name: n.upper()) for name in ["get", "post"]}
