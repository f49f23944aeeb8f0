from functools import total_ordering, cached_property


@total_ordering
class Version:
    def __init__(self, text):
        self.text = text

    @cached_property
    def parts(self):
        return tuple(int(p) for p in self.text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return f"Version({self.text!r})"


versions = [Version(f"{i % 7}.{i % 13}.{i % 101}") for i in range(40000)]
print("parts" in versions[0].__dict__)
ordered = sorted(versions)
print(ordered[0], ordered[-1], "parts" in versions[0].__dict__)
print(Version("1.2.3") >= Version("1.2.0"), Version("2.0.0") <= Version("1.9.9"))
unique = set(versions)
print(len(unique))
for v in versions:
    del v.__dict__["parts"]
print(max(versions))
del ordered, unique
del versions
