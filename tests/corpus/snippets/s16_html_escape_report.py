import html

rows = [(i, f"<Product {i} & co>", f"\"quoted\" {i * 2}") for i in range(40000)]

cells = []
for i, name, note in rows:
    cells.append(f"<tr><td>{i}</td><td>{html.escape(name)}</td><td>{html.escape(note, quote=True)}</td></tr>")
print(cells[0])

table = "<table>\n" + "\n".join(cells) + "\n</table>"
print(len(table))

back = html.unescape(table)
print(back.count("&"), len(back))

entities = html.escape("'single' & <double>")
print(entities)
del cells, back
print(table[:7])
del table, rows
