# os's O_* flags and posixpath.lexists/splitdrive as python3.11 has them on x86-64 Linux
import os
import os.path
import pathlib

cases = [
    "r = sorted((k, getattr(os, k)) for k in dir(os) if k.startswith('O_'))",
    "r = os.path.lexists('/tmp'), os.path.lexists('/no/such/path'), os.path.lexists(pathlib.Path('/tmp'))",
    "r = os.path.splitdrive('/a/b'), os.path.splitdrive(''), os.path.splitdrive('c:/x'), os.path.splitdrive(pathlib.PurePosixPath('/x/y'))",
    "p = 'rel/x'; r = os.path.splitdrive(p)[1] is p",
    "r = os.path.splitdrive(3)",
    "r = os.path.lexists(None)",
]
for case in cases:
    try:
        g = {"os": os, "pathlib": pathlib}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
