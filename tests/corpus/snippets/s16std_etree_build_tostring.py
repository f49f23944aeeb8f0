import io
import xml.etree.ElementTree as ET

# building a report tree in memory, serialising it, and parsing it back from bytes
report = ET.Element("report", version="2")
for day in range(1, 31):
    d = ET.SubElement(report, "day", date=f"2026-11-{day:02d}")
    for hour in range(24):
        h = ET.SubElement(d, "hour", n=str(hour))
        h.text = str(day * hour % 97)
print(len(report), len(report[0]), report[3][4].text)

blob = ET.tostring(report, encoding="utf-8")
print(len(blob), blob[:40])
text = ET.tostring(report, encoding="unicode")
print(len(text))
del text

back = ET.fromstring(blob)
hours = back.findall("day/hour")
print(len(hours), sum(int(h.text) for h in hours))
del report

buf = io.BytesIO(blob)
tree = ET.ElementTree()
tree.parse(buf)
print(tree.getroot().attrib, len(list(tree.iter())))
tree.getroot().clear()
print(len(tree.getroot()), len(hours))
del hours, back, tree
