import pickle

records = [{"id": i, "name": f"user{i}", "scores": [i % 7, i % 11, i % 13]} for i in range(100000)]
blob = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)
print(f"pickled {len(blob) / 1e6:.1f} MB")
del records

restored = pickle.loads(blob)
print(restored[500]["name"], len(restored))
del blob
