from collections import ChainMap

builtins_scope = {f"builtin{i}": i for i in range(500)}
globals_scope = {f"g{i}": i for i in range(5000)}
scope = ChainMap(globals_scope, builtins_scope)

def call(depth, env):
    if depth == 0:
        return sum(env[f"local{j}"] for j in range(50)) + env["g10"] + env["builtin3"]
    inner = env.new_child({f"local{j}": j * depth for j in range(50)})
    return call(depth - 1, inner)

results = [call(30, scope) for _ in range(300)]
print("result:", results[0], len(results))
frames = [scope.new_child({"x": [0] * 1000}) for _ in range(1000)]
print("layers:", len(frames[0].maps), "parents:", len(frames[0].parents.maps))
del frames
flat = dict(scope)
print("flat:", len(flat))
del flat, results
