import pprint
import textwrap

inventory = {f"shelf{i}": {"items": [f"box{i}-{j}" for j in range(20)], "weight": i * 1.5} for i in range(2000)}
dump = pprint.pformat(inventory, width=100)
print(dump.count("\n"), "lines of pformat")

blurb = " ".join(f"word{i}" for i in range(20000))
wrapped = textwrap.wrap(blurb, width=72)
print(len(wrapped), wrapped[0])
print(textwrap.shorten(blurb, width=40))
del dump, inventory
