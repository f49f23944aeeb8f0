#== fstring_simple
name = "world"
greeting = f"Hello, {name}!"
#== fstring_expression
msg = f"{a} + {b} = {a + b}"
#== fstring_conversions
s = f"{x!r} {x!s} {x!a}"
#== fstring_format_spec
line = f"{value:>10.2f}|{count:05d}|{ratio:.1%}"
#== fstring_nested_spec
width = 10
precision = 3
s = f"{value:{width}.{precision}f}"
#== fstring_only_expression
s = f"{value}"
#== fstring_only_text
s = f"plain text"
#== fstring_empty
s = f""
#== fstring_debug
x = 3
s = f"{x=}"
s2 = f"{x = :>5}"
#== fstring_multiline
report = (
    f"name: {user.name}\n"
    f"age: {user.age}\n"
    f"email: {user.email}"
)
#== fstring_with_call_and_index
s = f"{items[0]} and {len(items)} items, {d['key']}"
#== fstring_many_parts
s = f"{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}{k}{l}{m}{n}{o}{p}{q}{r}{s}{t}{u}{v}{w}{x}{y}{z}"
#== fstring_braces
s = f"{{literal}} {value} {{}}"
#== fstring_in_loop
for i in range(3):
    print(f"item {i}: {items[i]!r:>20}")
#== fstring_conditional
s = f"{'yes' if ok else 'no'}"
#== fstring_lambda_inside
s = f"{(lambda x: x * 2)(3)}"
#== fstring_docstring_not
def f():
    f"""not a docstring {x}"""
    return 1
#== percent_format_simple
s = "%s is %d years" % (name, age)
#== percent_format_to_fstring
s = "%s: %r" % (key, value)
#== percent_format_width
s = "[%10s] [%-5s] [%.3s]" % (a, b, c)
#== percent_format_percent_literal
s = "%s%%" % (pct,)
#== percent_format_single
s = "%s" % (x,)
#== percent_format_too_many
s = "%s %s" % (x,)
#== percent_format_too_few
s = "%s" % (x, y)
#== percent_format_star
s = "%s" % (*args,)
#== percent_format_width_three_digits
s = "%100s" % (x,)
#== percent_format_dict
s = "%(name)s" % {"name": n}
#== percent_format_const_tuple
s = "%s and %s" % (1, 2)
#== percent_format_nontuple
s = "%s" % value
#== str_format_method
s = "{} + {} = {}".format(a, b, a + b)
s2 = "{name} is {age}".format(name=n, age=a)
#== string_concat_implicit
s = ("first part "
     "second part "
     "third part")
#== fstring_unicode
s = f"café {naïve} → {x:✓^9}"
