from urllib.parse import urlsplit, parse_qs, urlencode, quote, unquote_plus
from collections import Counter

# an access log's request targets, parsed the way a quick analysis script does
paths = ["/search", "/item", "/api/v2/users", "/static/app.js", "/cart/add"]
urls = [f"https://shop.example.com{paths[i % 5]}?q=blue+shoes+{i % 300}&page={i % 40}&ref=mail%20{i % 7}#top"
        for i in range(60000)]
print(len(urls), urls[0])

parsed = [urlsplit(u) for u in urls]
print(parsed[1].hostname, parsed[1].port, parsed[1].path)

queries = [parse_qs(p.query) for p in parsed]
print(queries[5])

by_path = Counter(p.path for p in parsed)
print(by_path.most_common(2))

del urls
rebuilt = [urlencode({k: v[0] for k, v in q.items()}) for q in queries[:20000]]
print(rebuilt[3], quote("a b/é"), unquote_plus(rebuilt[3]))

del parsed, queries
print(len(rebuilt))
