from urllib.parse import urlparse, parse_qs, urlencode, quote, unquote, urljoin

urls = [f"https://shop.example.com/search?q=item+{i}&page={i % 20}&tag=a&tag=b#top" for i in range(30000)]

parsed = [urlparse(u) for u in urls]
print(parsed[0].netloc, parsed[0].path)

queries = [parse_qs(p.query) for p in parsed]
print(queries[1])

pages = {}
for q in queries:
    pages.setdefault(q["page"][0], 0)
    pages[q["page"][0]] += 1
print(len(pages))

built = [urlencode({"q": f"name {i}/x", "n": i}) for i in range(20000)]
print(built[3])

quoted = [quote(f"/files/report {i}.pdf") for i in range(20000)]
print(quoted[0], unquote(quoted[0]))

print(urljoin("https://example.com/a/b/", "../c"))
del urls, parsed, queries, built, quoted
