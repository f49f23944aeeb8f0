# ctypes as memory snippets use it (3.11.7, x86-64): simple types and their aliases, .value
# wrapping, sizeof, create_string_buffer (raw/value/items), CDLL functions with argtypes/restype
# acting on the process's malloc (malloc/free/malloc_usable_size/malloc_trim).
import ctypes
import ctypes.util

libc = ctypes.CDLL(ctypes.util.find_library("c"))
f = libc.malloc_trim
print(f.argtypes, f.restype)
f.argtypes = [ctypes.c_size_t]
f.restype = ctypes.c_int
print(f.argtypes, f.restype, f.__name__)
try:
    f("x")
except ctypes.ArgumentError as e:
    print("ArgumentError", e)
print(f(0) in (0, 1), f(1 << 20, 5) in (0, 1))
try:
    f()
except TypeError as e:
    print("TypeError", e)
x = ctypes.c_int(5)
print(x, x.value, repr(ctypes.c_size_t(7)), ctypes.c_double(1.5), ctypes.c_bool(3), ctypes.c_void_p(), ctypes.c_void_p(16))
print(ctypes.c_int(2**33).value, ctypes.c_uint(-1).value, ctypes.c_size_t(-1).value, ctypes.c_char(b"a").value)
print(ctypes.c_float(0.1).value, ctypes.c_short(70000).value, ctypes.c_byte(200).value, ctypes.c_int64(-1).value)
print(ctypes.c_char(b"a"), ctypes.c_char(0), ctypes.c_char_p(None), ctypes.c_char_p(b"hi").value, ctypes.c_int(), ctypes.c_int(True).value)
print(ctypes.c_size_t is ctypes.c_ulong, ctypes.c_longlong is ctypes.c_long, ctypes.c_int32 is ctypes.c_int, ctypes.c_uint8 is ctypes.c_ubyte)
for t in (ctypes.c_int, ctypes.c_long, ctypes.c_size_t, ctypes.c_double, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_bool, ctypes.c_char, ctypes.c_short, ctypes.c_float, ctypes.c_ssize_t, ctypes.c_ubyte):
    print(t.__name__, ctypes.sizeof(t), ctypes.sizeof(t()), isinstance(t(), t))
x.value = 9
print(x.value)
try:
    ctypes.c_int("a")
except TypeError as e:
    print("TypeError", e)
try:
    ctypes.c_double("a")
except TypeError as e:
    print("TypeError", e)
b = ctypes.create_string_buffer(10)
print(ctypes.sizeof(b), len(b), b.raw, b.value, type(b).__name__, b[0], b[-1])
b2 = ctypes.create_string_buffer(b"hello")
print(ctypes.sizeof(b2), b2.raw, b2.value, b2[1], type(b2).__name__)
b3 = ctypes.create_string_buffer(b"hi", 8)
b3.value = b"abc"
print(b3.raw, type(b) is type(ctypes.create_string_buffer(10)))
b3[0] = b"x"
b3[1] = 65
print(b3.raw, b3.value)
try:
    b3.value = b"123456789"
except ValueError as e:
    print("ValueError", e)
try:
    b3[8]
except IndexError as e:
    print("IndexError", e)
try:
    ctypes.create_string_buffer("abc")
except TypeError as e:
    print("TypeError", e)
try:
    ctypes.create_string_buffer(-1)
except ValueError as e:
    print("ValueError", e)
big = ctypes.create_string_buffer(1_000_000)
print(ctypes.sizeof(big), len(big.raw), big.value, ctypes.addressof(big) > 0)
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.malloc_usable_size.argtypes = [ctypes.c_void_p]
libc.malloc_usable_size.restype = ctypes.c_size_t
libc.free.argtypes = [ctypes.c_void_p]
libc.free.restype = None
p = libc.malloc(100)
print(type(p).__name__, libc.malloc_usable_size(p), libc.malloc_usable_size(None))
print(libc.free(p))
q = libc.malloc(200_000)
print(libc.malloc_usable_size(q))
libc.free(q)
print(libc.free(None))
