# html as python3.11 behaves: escape (quote on/off), unescape's numeric, named, legacy-prefix and
# invalid references, and html.entities' tables
import html
import html.entities as he

cases = [
    "r = html.escape('<a href=\"x\">&\\'</a>'), html.escape('\"q\"', quote=False), html.escape('plain')",
    "r = html.unescape('&lt;p&gt; &amp;amp; &eacute;&#233;&#xE9;&#X41;')",
    "r = html.unescape('&ampx &notin; &notit; &copy2024 &amp')",
    "r = [html.unescape(s) for s in ['&#0;', '&#x80;', '&#x9F;', '&#xD800;', '&#1;', '&#x110000;', '&#13;', '&#xFFFE;', '&#65']]",
    "r = html.unescape('&bogus; & &#; &#x; &NotNestedGreaterGreater; &' + 'a' * 40 + ';')",
    "r = html.unescape('no refs here'), html.unescape(html.escape('<&>\"\\''))",
    "r = html.unescape(5)",
    "r = html.escape(None)",
    "r = len(he.html5), len(he.name2codepoint), len(he.codepoint2name), len(he.entitydefs)",
    "r = he.name2codepoint['gt'], he.codepoint2name[233], he.entitydefs['nbsp'], he.html5['amp;'], he.html5['acE;']",
    "r = list(he.html5)[:6], list(he.name2codepoint)[:4], sorted(he.__all__)",
]
for case in cases:
    try:
        g = {"html": html, "he": he}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
