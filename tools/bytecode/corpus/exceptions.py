#== try_except_bare
try:
    risky()
except:
    pass
#== try_except_type
try:
    x = int(s)
except ValueError:
    x = 0
#== try_except_as
try:
    data = load(path)
except OSError as err:
    print("cannot load", err)
    data = None
#== try_except_multiple
try:
    value = table[key]
except KeyError:
    value = default
except (TypeError, ValueError) as e:
    raise RuntimeError("bad key") from e
except Exception:
    log_exception()
    raise
#== try_except_else
try:
    f = open(name)
except OSError:
    print("missing")
else:
    print(f.read())
    f.close()
#== try_finally
lock.acquire()
try:
    work()
finally:
    lock.release()
#== try_except_else_finally
try:
    conn = connect()
except ConnectionError as e:
    report(e)
else:
    conn.send(b"ping")
finally:
    cleanup()
#== try_nested
try:
    try:
        step1()
    except ValueError:
        step2()
    finally:
        step3()
except Exception as outer:
    handle(outer)
#== try_in_function_return
def parse(s):
    try:
        return int(s)
    except ValueError:
        return None
#== try_finally_return_value
def read_all(f):
    try:
        return f.read()
    finally:
        f.close()
#== try_finally_return_in_finally
def weird():
    try:
        return 1
    finally:
        return 2
#== try_in_loop_continue_break
def process(items):
    done = []
    for item in items:
        try:
            if item is None:
                continue
            if item == "stop":
                break
            done.append(transform(item))
        except ValueError:
            continue
        finally:
            tick()
    return done
#== try_in_while
attempts = 0
while True:
    try:
        result = fetch()
        break
    except TimeoutError:
        attempts += 1
        if attempts > 3:
            raise
#== try_except_in_except
try:
    a()
except ValueError as e:
    try:
        b()
    except TypeError as e2:
        print(e, e2)
#== try_except_del_name
try:
    a()
except Exception as e:
    del e
#== try_except_name_in_function
def f():
    try:
        a()
    except Exception as exc:
        return str(exc)
    return "ok"
#== try_except_global_name
def f():
    global err
    try:
        a()
    except Exception as err:
        pass
#== try_except_nonlocal_name
def outer():
    err = None
    def inner():
        nonlocal err
        try:
            a()
        except Exception as err:
            pass
    inner()
    return err
#== raise_forms
def check(x):
    if x is None:
        raise
    if x < 0:
        raise ValueError
    if x == 0:
        raise ValueError("zero")
    if x > 100:
        raise OverflowError("big") from None
#== raise_from_chain
def convert(s):
    try:
        return float(s)
    except ValueError as exc:
        raise TypeError(f"cannot convert {s!r}") from exc
#== custom_exception_hierarchy
class Error(Exception):
    pass

class InputError(Error):
    def __init__(self, expression, message):
        self.expression = expression
        self.message = message

try:
    raise InputError("x", "bad")
except Error as e:
    print(e.message)
#== exception_heavy_loop
errors = 0
for i in range(100000):
    try:
        if i % 3 == 0:
            raise KeyError(i)
    except KeyError:
        errors += 1
#== try_star_basic
try:
    run_tasks()
except* ValueError as eg:
    print("values", eg.exceptions)
except* TypeError:
    print("types")
#== try_star_finally
try:
    run_tasks()
except* OSError as e:
    log(e)
finally:
    done()
#== try_star_else
try:
    run()
except* KeyError:
    pass
else:
    ok()
#== try_finally_break_in_loop
for x in xs:
    try:
        if x:
            break
    finally:
        print("finally")
#== try_finally_continue
for x in xs:
    try:
        continue
    finally:
        count()
#== return_in_except
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
    finally:
        print("divided")
#== nested_finally_return
def f():
    try:
        try:
            return compute()
        finally:
            first()
    finally:
        second()
#== try_except_reraise_custom
try:
    op()
except LookupError as e:
    if not handled(e):
        raise
#== assert_in_function
def sqrt(x):
    assert x >= 0, f"negative input: {x}"
    return x ** 0.5
#== try_except_tuple_name
errors = (ValueError, TypeError)
try:
    op()
except errors:
    pass
#== try_except_attribute_type
import socket
try:
    conn()
except socket.timeout:
    retry()
#== try_with_else_return
def f():
    try:
        x = g()
    except Exception:
        return -1
    else:
        return x
#== bare_except_not_last
try:
    a()
except:
    pass
except ValueError:
    pass
#== try_loop_generator_finally
def gen():
    try:
        for i in range(10):
            yield i
    finally:
        print("closed")
#== exception_in_class_body
class C:
    try:
        import numpy as np
    except ImportError:
        np = None
#== except_star_break_error
for x in y:
    try:
        pass
    except* ValueError:
        break
#== try_except_walrus
try:
    pass
except (E := ValueError):
    pass
#== sys_exc_info_style
import sys
try:
    1 / 0
except ZeroDivisionError:
    etype, value, tb = sys.exc_info()
    print(etype.__name__)
