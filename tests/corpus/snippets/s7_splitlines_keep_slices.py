lines = [f"{i},{'user%d' % (i % 1000)},{i * 3 % 97},{'x' * (i % 30)}" for i in range(200000)]
big = "\n".join(lines)
del lines
print(len(big))
first_fields = [line.split(",", 1)[0] for line in big.splitlines()]
print(len(first_fields), first_fields[-1])
users = {line.split(",")[1] for line in big.splitlines()}
print(len(users))
longest = max(big.splitlines(), key=len)
print(len(longest), longest.count("x"))
print(big.count("\n"), big.find("user999"), big.rfind("user0,"))
head, sep, tail = big.partition("\n")
print(head, len(tail) == len(big) - len(head) - 1)
del big
print(len(first_fields), first_fields[:2])
