#== loop_else_nested
for i in range(10):
    for j in range(10):
        if i * j > 50:
            break
    else:
        continue
    break
#== while_else
while cond():
    step()
else:
    done()
#== while_complex_condition
while i < n and not found:
    found = check(i)
    i += 1
#== while_or_condition
while a or b:
    a, b = step(a, b)
#== while_not
while not queue.empty():
    queue.get()
#== while_compare_chain
while 0 < x < 10:
    x += 1
#== if_elif_chain
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"
#== if_nested_and_or
if (a and b) or (c and not d):
    x()
elif a or (b and c):
    y()
#== if_ifexp_condition
if (a if b else c):
    z()
#== if_none_checks
if x is None:
    x = default
if y is not None:
    use(y)
#== if_empty_body_pass
if x:
    pass
else:
    pass
#== for_enumerate_zip
for i, (a, b) in enumerate(zip(xs, ys)):
    print(i, a, b)
#== for_dict_items
for key, value in sorted(d.items()):
    print(f"{key}={value}")
#== for_range_step
for i in range(10, 0, -2):
    print(i)
#== for_over_string
count = 0
for ch in "hello world":
    if ch == "o":
        count += 1
#== for_target_attribute_subscript
for self.x in items:
    pass
for d["k"] in items:
    pass
#== break_continue_in_while
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 100:
        break
#== deep_nesting
def search(grid, target):
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell == target:
                if r == c:
                    return "diag"
                else:
                    return (r, c)
    return None
#== infinite_loop_with_return
def first_positive(it):
    while True:
        x = next(it)
        if x > 0:
            return x
#== loop_with_try_in_function
def retry(fn, n):
    for attempt in range(n):
        try:
            return fn()
        except Exception as e:
            last = e
    raise last
#== boolean_expression_values
x = a and b
y = a or b or c
z = not a and b
w = (a or b) and c
v = a and (b or c)
#== ifexp_nested
v = a if x else b if y else c
#== break_outside_loop
break
#== continue_outside_loop
continue
#== return_outside_function
return 1
#== return_in_class
class C:
    return 1
#== loop_while_true_no_break
def serve():
    while True:
        handle()
#== for_loop_break_else_return
def f(xs):
    for x in xs:
        if x:
            break
    else:
        return None
    return x
#== del_complex
del a, b[0], c.d, e[1:2]
del (f, g)
del [h, i]
#== global_statement_in_function_loop
total = 0
def add_all(xs):
    global total
    for x in xs:
        total += x
