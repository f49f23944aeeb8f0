# xml.etree.ElementTree: building, attributes, children, finding, iterating, parsing and serialising.
import io
import xml.etree.ElementTree as ET


def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__name__}: {e}"


root = ET.Element("root", {"a": "1"}, b="2")
print(root.tag, root.attrib, root.text, root.tail, len(root), root.get("a"), root.get("zz", "dflt"))
kids = [ET.SubElement(root, "kid", n=str(i)) for i in range(7)]
print(len(root), [k.get("n") for k in root], root[-1].get("n"), root[2] is kids[2])
root.set("c", "3")
print(sorted(root.keys()), sorted(root.items()))
root.remove(kids[0])
root.insert(0, ET.Element("first"))
root.insert(-1, ET.Element("beforelast"))
print([e.tag for e in root])
root.append(ET.Element("last"))
root.extend([ET.Element("x1"), ET.Element("x2")])
print(len(root), root[-1].tag, root.find("kid").get("n"), root.findtext("nothing", "none"))
print(attempt(lambda: root[99]), attempt(lambda: root.append("str")))
print(attempt(lambda: ET.SubElement("notelement", "x")))
e = ET.Element("empty")
print(e.attrib, e.keys(), e.items(), len(e), e.find("x"), e.findall("x"), e.findtext("x"))
e.text = "hello"
e.tail = "after"
print(e.text, e.tail, ET.tostring(e))
e.clear()
print(e.text, e.tail, e.attrib, ET.tostring(e))
doc = """<?xml version="1.0"?>
<!-- a comment -->
<library name="city &amp; county">
  <book id="b1" lang="en"><title>Python &lt;3&gt;</title><year>2020</year></book>
  <book id="b2" lang="fr"><title>Le &#233;t&#xE9;</title><year>2021</year></book>
  <shelf><book id="b3"><title><![CDATA[raw <b> text]]></title></book></shelf>
  <magazine id="m1">line one
line two</magazine>
</library>
"""
lib = ET.fromstring(doc)
print(lib.tag, lib.attrib, repr(lib.text), len(lib))
print([b.get("id") for b in lib.findall("book")], [b.get("id") for b in lib.findall(".//book")])
print([b.get("id") for b in lib.iter("book")], len(list(lib.iter())), len(list(lib.iter("*"))))
print(lib.findtext("book/title"), lib.find("book[@lang='fr']").findtext("title"), lib.findtext(".//title"))
print([t.text for t in lib.findall("./book/title")], lib.find("shelf/book/title").text)
print(repr(lib.find("magazine").text), [b.get("id") for b in lib.findall("book[year]")])
print([b.get("id") for b in lib.findall("book[2]")], [b.get("id") for b in lib.findall("book[last()]")])
print(repr("".join(lib.find("book").itertext())), list(lib.iterfind("book"))[1].get("lang"))
print(ET.tostring(lib.find("book")))
print(ET.tostring(lib.find("book"), encoding="unicode"))
print(ET.tostring(ET.fromstring("<a x='1&quot;'>é<b/>tail</a>")))
print(ET.tostring(ET.fromstring("<a x='1&quot;'>é<b/>tail</a>"), encoding="unicode"))
ns = ET.fromstring('<r xmlns="urn:x" xmlns:p="urn:p"><p:item p:k="v">1</p:item><item>2</item></r>')
print(ns.tag, [c.tag for c in ns], ns[0].attrib)
print(attempt(lambda: ET.fromstring("<a><b></a>")))
print(attempt(lambda: ET.fromstring("<a></a><b/>")))
print(attempt(lambda: ET.fromstring("")))
tree = ET.parse(io.BytesIO(doc.encode()))
print(type(tree).__name__, tree.getroot().tag, len(tree.findall("book")), tree.findtext("book/year"))
events = [(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(b"<a><b>1</b><c/></a>"), events=("start", "end"))]
print(events)
it = ET.iterparse(io.BytesIO(b"<a><b>1</b></a>"))
print([el.tag for _, el in it], it.root.tag)
p = ET.XMLPullParser(events=("end",))
p.feed("<x><y>1</y>")
print([(ev, el.tag) for ev, el in p.read_events()])
p.feed("<z/></x>")
p.close()
print([(ev, el.tag) for ev, el in p.read_events()])
out = io.BytesIO()
ET.ElementTree(ET.fromstring("<q><r>1</r></q>")).write(out)
print(out.getvalue())
t2 = ET.fromstring("<a><b><c/></b><d/></a>")
ET.indent(t2)
print(ET.tostring(t2, encoding="unicode"))
print(ET.iselement(t2), ET.iselement("x"), repr(ET.Element("z"))[:13])
print(ET.Element("a", attrib={"x": "1"}, y="2").attrib, ET.Element("b", {"k": "v"}, z="3").attrib, ET.Element("c", attrib={}).attrib)
print(ET.SubElement(ET.Element("r"), "s", {"a": "1"}, b="2").attrib, ET.SubElement(ET.Element("r"), "s", attrib={"h": "l"}).attrib)
