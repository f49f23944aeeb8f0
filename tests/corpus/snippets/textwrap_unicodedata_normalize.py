import textwrap
import unicodedata

titles = [
    "Café déjà vu", "naïve façade", "Ångström über straße", "résumé of Zoë",
    "piñata fiancée", "São Paulo coração",
]


def strip_accents(s):
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(s):
    s = strip_accents(s).lower()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in s).split())


slugs = [slugify(t) for t in titles * 5000]
print(sorted(set(slugs)))
print(unicodedata.name("é"), unicodedata.category("é"), len("é"), len(unicodedata.normalize("NFD", "é")))

para = " ".join(titles) * 40
wrapped = textwrap.fill(para, width=60)
print(wrapped.count("\n") + 1, "lines")
print(textwrap.shorten(para, width=50, placeholder=" [...]"))
print(textwrap.indent(textwrap.dedent("""\
    first
      second
    third"""), "> "))
del slugs
