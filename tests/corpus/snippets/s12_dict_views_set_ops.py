old = {f"pkg{i}": f"1.{i % 10}" for i in range(40000)}
new = {f"pkg{i}": f"1.{(i + (i % 3 == 0)) % 10}" for i in range(5000, 45000)}
added = new.keys() - old.keys()
removed = old.keys() - new.keys()
common = old.keys() & new.keys()
print(len(added), len(removed), len(common))
changed = {k for k in common if old[k] != new[k]}
print(len(changed), sorted(changed)[:3])
same_items = old.items() & new.items()
print(len(same_items))
values = list(new.values())
print(len(values), values.count("1.0"))
del old
del same_items, common
print(len(new), len(added))
del new
