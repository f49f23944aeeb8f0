import time

CACHE = {}
HITS = {"hit": 0, "miss": 0}


def parse_request(raw):
    head, _, body = raw.partition("\r\n\r\n")
    lines = head.split("\r\n")
    method, path, version = lines[0].split(" ")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return method, path, headers, body


def render(path, user):
    rows = "".join(f"<li>{path}/{i}</li>" for i in range(20))
    return f"<html><body><h1>Hello {user}</h1><ul>{rows}</ul></body></html>"


def handle(raw):
    method, path, headers, body = parse_request(raw)
    key = (path, headers.get("user-agent", ""))
    if key in CACHE:
        HITS["hit"] += 1
        return CACHE[key]
    HITS["miss"] += 1
    page = render(path, headers.get("x-user", "anon"))
    CACHE[key] = page.encode("utf-8")
    return CACHE[key]


requests = []
for i in range(30000):
    raw = (f"GET /items/{i % 7000} HTTP/1.1\r\nHost: example.com\r\n"
           f"User-Agent: bot-{i % 3}\r\nX-User: u{i % 50}\r\n\r\n")
    requests.append(raw)

start = time.perf_counter()
sizes = [len(handle(r)) for r in requests]
elapsed = time.perf_counter() - start
print("requests:", len(sizes), "cache entries:", len(CACHE))
print("hits/misses:", HITS["hit"], HITS["miss"])
print("cached bytes:", sum(len(v) for v in CACHE.values()))
del requests
CACHE.clear()
print("after clear:", len(CACHE), elapsed > 0)
