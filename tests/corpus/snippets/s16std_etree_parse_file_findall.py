import os
import tempfile
import xml.etree.ElementTree as ET

# a product feed on disk, parsed whole with ElementTree.parse: how much does the tree cost
# compared with the file, and what is left after we keep only the prices?
path = os.path.join(tempfile.mkdtemp(), "feed.xml")
with open(path, "w") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<products>\n')
    for i in range(20000):
        f.write(f'  <product sku="SKU{i:06d}" category="cat{i % 40}">\n'
                f'    <name>Product number {i}</name>\n'
                f'    <price currency="EUR">{i % 500}.99</price>\n'
                f'  </product>\n')
    f.write('</products>\n')
print(os.path.getsize(path))

tree = ET.parse(path)
root = tree.getroot()
print(root.tag, len(root), root[0].attrib)

prices = [float(p.text) for p in root.iter("price")]
print(len(prices), sum(prices))
cat7 = [p.get("sku") for p in root.findall("product[@category='cat7']")]
print(len(cat7), cat7[:2])
names = [p.findtext("name") for p in root.findall(".//product")]
print(names[-1])

del tree, root, names
print(len(prices), len(cat7))
