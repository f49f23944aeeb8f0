import io, zipfile
import xml.etree.ElementTree as ET

root = ET.Element("inventory", version="2")
for i in range(3000):
    item = ET.SubElement(root, "item", id=str(i), kind="tool" if i % 2 else "part")
    ET.SubElement(item, "name").text = f"widget-{i}"
    ET.SubElement(item, "price").text = f"{i * 1.25:.2f}"
data = ET.tostring(root, encoding="utf-8")
print(len(data), data[:60])
