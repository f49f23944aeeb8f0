import pickle

inventory = [{"sku": f"SKU{i:06d}", "price": i * 0.25, "qty": i % 40, "tags": ["a", "b", str(i % 7)]}
             for i in range(20000)]
sizes = {}
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    sizes[proto] = len(pickle.dumps(inventory, protocol=proto))
print("sizes:", sizes)
blob = pickle.dumps(inventory)
restored = pickle.loads(blob)
print("roundtrip equal:", restored == inventory)
del inventory
print("restored first:", restored[0]["sku"])
del blob
del restored
