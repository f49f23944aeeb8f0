import io, zipfile
import xml.etree.ElementTree as ET

root = ET.Element("inventory", version="2")
for i in range(3000):
    item = ET.SubElement(root, "item", id=str(i), kind="tool" if i % 2 else "part")
    ET.SubElement(item, "name").text = f"widget-{i}"
    ET.SubElement(item, "price").text = f"{i * 1.25:.2f}"
data = ET.tostring(root, encoding="utf-8")
print(len(data), data[:60])

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    zf.writestr("inventory.xml", data)
    zf.writestr("readme.txt", "hello\n" * 100)
print(buf.tell() < len(data))
del root, data

with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
    print(zf.namelist())
    tree = ET.fromstring(zf.read("inventory.xml"))
tools = [e for e in tree.iter("item") if e.get("kind") == "tool"]
total = sum(float(e.findtext("price")) for e in tools)
print(len(tools), round(total, 2))
print(tree.find("item[@id='42']/name").text)
del tree, tools
print("done")
