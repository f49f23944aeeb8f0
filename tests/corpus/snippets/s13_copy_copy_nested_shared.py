import copy

config = {f"section{i}": {"values": list(range(200)), "name": f"s{i}"} for i in range(2000)}
shallow = copy.copy(config)
print("same inner:", shallow["section1"] is config["section1"])
shallow["section1"]["values"].append(-1)
print("visible in original:", config["section1"]["values"][-1])

rows = [[i, i + 1, i + 2] for i in range(100000)]
rows_copy = copy.copy(rows)
rows_slice = rows[:]
print("lists:", rows_copy is rows, rows_copy[5] is rows[5], rows_slice == rows)
deep = copy.deepcopy(config)
print("deep inner:", deep["section1"] is config["section1"])
del deep
del rows, rows_copy
del rows_slice, shallow, config
