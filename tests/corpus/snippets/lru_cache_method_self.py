import functools
import gc


class RepoClient:
    def __init__(self, name):
        self.name = name
        self.blob = bytearray(20000)

    @functools.lru_cache(maxsize=None)
    def fetch(self, path):
        return f"{self.name}:{path}" * 10


for i in range(3000):
    client = RepoClient(f"repo{i}")
    client.fetch("README.md")
    del client

gc.collect()
print(RepoClient.fetch.cache_info())  # every client is still alive in the cache
RepoClient.fetch.cache_clear()
