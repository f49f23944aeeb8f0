defaults = {f"opt{i}": i for i in range(50_000)}
user = {f"opt{i}": -i for i in range(0, 100_000, 4)}

merged_or = defaults | user
merged_unpack = {**defaults, **user}
merged_copy = defaults.copy()
merged_copy.update(user)
print(len(merged_or), merged_or == merged_unpack == merged_copy)

common = defaults.keys() & user.keys()
only_defaults = defaults.keys() - user.keys()
print("common", len(common), "only defaults", len(only_defaults))

changed = {k for k, v in user.items() if defaults.get(k) != v}
print("changed", len(changed))

pairs_in_both = defaults.items() & user.items()
print("identical pairs:", len(pairs_in_both))

defaults |= {"extra": True}
print("in-place |=:", len(defaults))

inverted = {v: k for k, v in merged_or.items()}
print("inverted:", len(inverted))
values_view = merged_or.values()
print("sum of values:", sum(values_view))
del merged_or, merged_unpack, merged_copy, common, only_defaults, inverted
