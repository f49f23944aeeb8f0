import re

template = "Hello {{name}}, your order #{{order}} of {{qty}} x {{item}} ships {{when}}.\n"
pattern = re.compile(r"\{\{(\w+)\}\}")

def render(ctx):
    def repl(m):
        key = m.group(1)
        return str(ctx.get(key, m.group(0)))
    return pattern.sub(repl, template)

pages = [render({"name": f"Ann{i}", "order": i, "qty": i % 7, "item": "widget"}) for i in range(15000)]
print(pages[3], len(pages))

text = "".join(pages)
upper_names = re.sub(r"Ann(\d+)", lambda m: f"ANN-{int(m.group(1)):05d}", text)
print(upper_names[:60])
count = len(re.findall(r"\{\{when\}\}", text))
print(count)
masked, n = re.subn(r"#(\d+)", lambda m: "#" + "*" * len(m.group(1)), text)
print(n, masked[:50])
del pages, text
print(len(upper_names) - len(masked))
