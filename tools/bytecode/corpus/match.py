#== match_literals
match command:
    case "quit":
        stop()
    case "help":
        show_help()
    case _:
        unknown(command)
#== match_numbers_negative
match n:
    case 0:
        print("zero")
    case -1:
        print("minus one")
    case 1 | 2 | 3:
        print("small")
    case 1.5:
        print("float")
    case 2 + 3j:
        print("complex")
#== match_singletons
match flag:
    case None:
        pass
    case True:
        pass
    case False:
        pass
#== match_capture
match value:
    case x:
        print(x)
#== match_sequence
match point:
    case (0, 0):
        origin()
    case (x, 0):
        on_x(x)
    case (0, y):
        on_y(y)
    case (x, y):
        other(x, y)
#== match_sequence_star
match items:
    case []:
        empty()
    case [first]:
        one(first)
    case [first, *rest]:
        many(first, rest)
#== match_sequence_star_wildcard
match items:
    case [first, *_, last]:
        ends(first, last)
    case [*_, last]:
        tail(last)
    case [_, _, *_]:
        atleast2()
#== match_mapping
match event:
    case {"type": "click", "pos": (x, y)}:
        click(x, y)
    case {"type": "key", **rest}:
        key(rest)
    case {}:
        nothing()
#== match_class
match shape:
    case Point(x=0, y=0):
        origin()
    case Point(x, y):
        point(x, y)
    case Circle(center=Point(x=cx), radius=r) if r > 0:
        circle(cx, r)
#== match_guard
match n:
    case x if x < 0:
        neg()
    case x if x == 0:
        zero()
    case _ if big(n):
        large()
    case _:
        pos()
#== match_or_capture
match cmd:
    case ["go", ("north" | "south") as direction]:
        go(direction)
    case ["drop", *objects]:
        drop(objects)
#== match_or_different_order
match p:
    case (a, b) | [b, a]:
        use(a, b)
#== match_attribute_value
import enum
match color:
    case Color.RED:
        r()
    case Color.GREEN:
        g()
#== match_in_function
def describe(x):
    match x:
        case int():
            return "int"
        case str() as s:
            return "str " + s
        case [int(), *_]:
            return "list of ints"
        case _:
            return "other"
#== match_nested_patterns
match data:
    case {"users": [{"name": str(name), "age": int(age)}, *_]}:
        first_user(name, age)
#== match_single_wildcard
match x:
    case _:
        pass
#== match_irrefutable_error
match x:
    case y:
        pass
    case 1:
        pass
#== match_wildcard_error
match x:
    case _:
        pass
    case 1:
        pass
#== match_duplicate_name_error
match x:
    case (a, a):
        pass
#== match_or_names_error
match x:
    case (a, b) | (a, c):
        pass
#== match_mapping_duplicate_key
match x:
    case {"a": 1, "a": 2}:
        pass
#== match_class_kw_repeated
match x:
    case Point(x=1, x=2):
        pass
#== match_star_in_mapping_values
match cfg:
    case {"debug": True, "level": int(lvl), **others}:
        setup(lvl, others)
