# string.Template as python3.11 behaves, subclasses included: each compiles its pattern from its own
# delimiter/idpattern/braceidpattern (or takes its pattern), in __init_subclass__
import string

class Percent(string.Template):
    delimiter = '%'

class Dotted(string.Template):
    idpattern = r'[a-z]+\.[a-z]+'

class Braces(string.Template):
    braceidpattern = r'[A-Z]+'

class At(string.Template):
    pattern = r'@(?:(?P<escaped>@)|(?P<named>\w+)|\{(?P<braced>\w+)\}|(?P<invalid>))'

cases = [
    "r = string.Template('Hello $name, you owe ${amount}$$').substitute(name='Ann', amount=5)",
    "r = string.Template('$a $b').safe_substitute(a=1), string.Template('$a ${b}').get_identifiers()",
    "r = string.Template('$a').substitute()",
    "r = string.Template('x $ y').substitute()",
    "r = string.Template('$ok $').is_valid(), string.Template('$Ä $X').safe_substitute(X=2)",
    "r = Percent('%who likes %what %% ${x}').safe_substitute(who='tim', what='kung pao')",
    "r = Dotted('$a.b and ${c.d} $e').safe_substitute({'a.b': 1, 'c.d': 2})",
    "r = Braces('${AB} $cd ${ef}').safe_substitute(AB=1, cd=2, ef=3)",
    "r = At('@x and @@ @{y}').substitute(x=3, y=4)",
    "r = string.Template.idpattern, Percent.delimiter, type(Percent.pattern).__name__",
    "r = string.capwords('hello   world  x'), string.capwords('a-b-c', '-')",
]
for case in cases:
    try:
        g = {"string": string, "Percent": Percent, "Dotted": Dotted, "Braces": Braces, "At": At}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
