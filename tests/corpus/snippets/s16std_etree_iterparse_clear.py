import os
import tempfile
import xml.etree.ElementTree as ET

# the usual advice for big XML: iterparse and elem.clear(); but the root still holds
# every cleared <record>, so memory keeps growing unless the root is cleared too
path = os.path.join(tempfile.mkdtemp(), "records.xml")
with open(path, "w", encoding="utf-8") as f:
    f.write("<records>\n")
    for i in range(30000):
        f.write(f'<record id="{i}"><user>user{i % 997}</user><amount>{i * 3 % 1000}</amount>'
                f'<note>record number {i} &amp; more</note></record>\n')
    f.write("</records>\n")

total = 0
for event, elem in ET.iterparse(path):
    if elem.tag == "record":
        total += int(elem.findtext("amount"))
        elem.clear()
print(total)

total = 0
context = ET.iterparse(path, events=("start", "end"))
event, root = next(context)
for event, elem in context:
    if event == "end" and elem.tag == "record":
        total += int(elem.find("amount").text)
        root.clear()
print(total, root.tag, len(root))
del context, root

kept = {}
for event, elem in ET.iterparse(path):
    if elem.tag == "user":
        kept[elem.text] = kept.get(elem.text, 0) + 1
print(len(kept), kept["user5"])
