# platform as python3.11 answers on the recorder's machine (Linux x86_64, glibc 2.36)
import platform as p

cases = [
    "r = (p.python_version(), p.python_version_tuple(), p.python_implementation())",
    "r = (p.system(), p.machine(), p.node(), p.release(), p.version(), p.processor())",
    "r = (p.platform(), p.platform(terse=True), p.platform(aliased=True))",
    "u = p.uname(); r = (u, u.system, u.machine, u[0], u[-1], len(u), tuple(u), u._fields)",
    "r = (p.architecture(), p.libc_ver(), p.python_compiler())",
    "r = (p.python_branch(), p.python_revision(), len(p.python_build()))",
    "r = (p.mac_ver(), p.win32_ver(), p.java_ver(), p.win32_edition(), p.win32_is_iot())",
]
for case in cases:
    try:
        g = {"p": p}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
