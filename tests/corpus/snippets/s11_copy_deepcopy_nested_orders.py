import copy

template = {
    "customer": {"name": "", "addresses": [{"city": "Paris", "zip": "75001"}]},
    "lines": [],
    "flags": {"gift", "express"},
}

shallow = [copy.copy(template) for _ in range(5000)]
shallow[0]["customer"]["name"] = "changed"
print(template["customer"]["name"], shallow[4999]["customer"] is template["customer"])

deep = [copy.deepcopy(template) for _ in range(5000)]
deep[0]["customer"]["name"] = "only me"
deep[1]["lines"].append({"sku": 1})
print(template["customer"]["name"], deep[2]["customer"]["name"], len(deep[2]["lines"]))
print(deep[3]["flags"] == template["flags"], deep[3]["flags"] is template["flags"])

shared = [1, 2, 3]
box = {"a": shared, "b": shared}
box2 = copy.deepcopy(box)
print(box2["a"] is box2["b"], box2["a"] is shared)

cyc = []
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[0] is c2)
del shallow
del deep
print(len(template["lines"]))
