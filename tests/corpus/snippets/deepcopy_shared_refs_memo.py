import copy

shared_tags = ["red", "green", "blue"]
doc = {
    "title": "inventory",
    "sections": [
        {"name": f"aisle {i}", "tags": shared_tags, "bins": [[j, j * 2, str(j)] for j in range(50)]}
        for i in range(200)
    ],
}

shallow = copy.copy(doc)
deep = copy.deepcopy(doc)

print(shallow["sections"] is doc["sections"])
print(deep["sections"] is doc["sections"])
# deepcopy's memo keeps one copy of an object shared 200 times
print(deep["sections"][0]["tags"] is deep["sections"][1]["tags"])
print(deep["sections"][0]["tags"] is shared_tags)

deep["sections"][0]["bins"][0][0] = -1
print(doc["sections"][0]["bins"][0][0], deep["sections"][0]["bins"][0][0])

node = {"name": "loop"}
node["self"] = node
clone = copy.deepcopy(node)
print(clone["self"] is clone, clone is not node)

copies = [copy.deepcopy(doc["sections"][i % 200]) for i in range(300)]
print(len(copies), sum(len(c["bins"]) for c in copies))
del deep, copies
