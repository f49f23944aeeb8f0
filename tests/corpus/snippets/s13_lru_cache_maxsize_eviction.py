from functools import lru_cache

@lru_cache(maxsize=2048)
def render(template_id, user):
    return f"<div id='{template_id}'>Hello {user}!</div>" * 4

out = 0
for i in range(60000):
    out += len(render(i % 3000, f"user{i % 5}"))
print("rendered chars:", out)
print(render.cache_info())
render.cache_clear()
print("cleared:", render.cache_info().currsize)

@lru_cache(maxsize=None)
def slug(n):
    return "-".join(str(n)) + "/" + "x" * 20

slugs = [slug(i) for i in range(80000)]
print(slug.cache_info().currsize, slugs[12345])
del slugs
slug.cache_clear()
