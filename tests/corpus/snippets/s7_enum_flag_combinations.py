from enum import Flag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    DELETE = auto()
    RW = READ | WRITE
    ALL = READ | WRITE | EXEC | DELETE


print(list(Perm), Perm.RW, Perm.ALL.value)
combos = [Perm(v) for v in range(16)]
print(combos[5], combos[0], bool(combos[0]))
print([p.name for p in combos[:6]])

acl = {}
for i in range(40000):
    p = Perm(i % 16)
    if i % 5 == 0:
        p |= Perm.READ
    acl[f"file{i}"] = p
readable = sum(1 for p in acl.values() if Perm.READ in p)
writable_only = sum(1 for p in acl.values() if p & Perm.WRITE and not p & Perm.EXEC)
print(readable, writable_only)
print(Perm.ALL & ~Perm.DELETE, Perm.WRITE in Perm.RW, len(Perm.ALL))
print(repr(Perm.READ | Perm.EXEC))
del acl
