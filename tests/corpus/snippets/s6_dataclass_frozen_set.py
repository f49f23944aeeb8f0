from dataclasses import dataclass, field, replace, asdict, astuple, fields


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int = 0
    label: str = field(default="", compare=False)

    def bump(self):
        return replace(self, patch=self.patch + 1)


@dataclass
class Release:
    version: Version
    notes: list = field(default_factory=list)
    tags: set = field(default_factory=set, repr=False)


versions = {Version(i % 10, i % 37, i % 101) for i in range(100000)}
print(len(versions), min(versions), max(versions))
v = Version(1, 2, 3, "rc")
print(v.bump(), v == Version(1, 2, 3), hash(v) == hash(Version(1, 2, 3)))
try:
    v.major = 9
except Exception as e:
    print(type(e).__name__, e)
releases = [Release(x, [f"fix {x.patch}"]) for x in sorted(versions)[:20000]]
releases[0].tags.add("lts")
print(releases[0], asdict(releases[1])["version"], astuple(v))
print([f.name for f in fields(Release)])
del releases
versions.clear()
