from enum import Flag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    ADMIN = READ | WRITE | EXEC


users = {}
for i in range(20000):
    p = Perm.READ
    if i % 3 == 0:
        p |= Perm.WRITE
    if i % 7 == 0:
        p |= Perm.EXEC
    users[f"user{i}"] = p

print(users["user0"], users["user1"], users["user3"])
print(sum(1 for p in users.values() if Perm.WRITE in p))
print(sum(1 for p in users.values() if p == Perm.ADMIN))
admins = [name for name, p in users.items() if p & Perm.EXEC and p & Perm.WRITE]
print(len(admins), admins[:3])
revoked = {name: p & ~Perm.WRITE for name, p in users.items()}
print(revoked["user0"], bool(revoked["user1"] & Perm.WRITE))
print(Perm.READ | Perm.WRITE, (Perm.READ | Perm.WRITE).value, Perm(5))
print(list(Perm), len(set(users.values())))
del users, revoked
print(admins[-1])
