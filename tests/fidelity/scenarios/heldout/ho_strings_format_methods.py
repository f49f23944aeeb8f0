# title: str.format, replace and strip over a log
template = "{:>8} | {:<12} | {:08.3f}"
rows = [template.format(i, "name%d" % i, i / 7) for i in range(120000)]
clean = [r.replace(" ", "").strip("|") for r in rows]
joined = "\n".join(clean)
count = joined.count("name1")
del rows
del clean, joined
