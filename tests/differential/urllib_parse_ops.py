# urllib.parse as python3.11 behaves: split/parse results and their netloc properties, joins, quoting,
# query strings, str/bytes coercion and the errors
import urllib.parse as up

cases = [
    "r = up.urlparse('https://user:pw@Example.COM:8080/a/b;p?x=1&y=2#frag')",
    "u = up.urlparse('https://user:pw@Example.COM:8080/a/b;p?x=1'); r = (u.hostname, u.port, u.username, u.password, u.geturl())",
    "r = up.urlsplit('HTTP://h.org/p;q?a=1#f'), up.urlsplit('//h/p'), up.urlsplit('/rel/x?y'), up.urlsplit('mailto:joe@x.org')",
    "r = up.urlsplit('  \\x00http://a\\tb.c/\\nd '), up.urlsplit('1http://x'), up.urlsplit('a+b-c.d:rest')",
    "r = up.urlsplit('http://x/y#z', allow_fragments=False), up.urlsplit('x', scheme='ftp')",
    "u = up.urlsplit('http://u@h:'); r = (u.username, u.password, u.hostname, u.port)",
    "r = up.urlsplit('http://x:abc/').port",
    "r = up.urlsplit('http://x:70000/').port",
    "r = up.urlsplit('http://[::1/')",
    "r = up.urlparse('http://a/b/c/d;p?q')._replace(fragment='new').geturl()",
    "b = 'http://a/b/c/d;p?q'; r = [up.urljoin(b, x) for x in ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', ';x', 'g;x', '', '.', './', '..', '../', '../g', '../..', '../../g', '../../../g', 'g.', '.g', 'g..', './../g', 'g/./h', 'g/../h', 'http:g', 'https://z/']]",
    "r = up.urljoin('', 'x'), up.urljoin('http://a/b', ''), up.urljoin('mailto:a', 'b'), up.urljoin(b'http://a/b/', b'c')",
    "r = up.urlunparse(('http', 'h', '/p', 'pa', 'q=1', 'f')), up.urlunsplit(('', '', 'p', '', '')), up.urlunsplit(('file', '', 'tmp/x', '', ''))",
    "r = up.urldefrag('http://x/y?q#z'), up.urldefrag('http://x/y'), up.urldefrag(b'a#b')",
    "r = up.quote('a b/c?d=é~_'), up.quote('a/b', safe=''), up.quote(b'\\x00\\xff'), up.quote(''), up.quote('ü', encoding='latin-1')",
    "r = up.quote_plus('a b+c&d'), up.quote_plus('a b', safe='+'), up.quote_plus(b'x y'), up.quote_from_bytes(b'abc def?')",
    "r = up.quote(b'x', encoding='utf-8')",
    "r = up.quote_from_bytes('str')",
    "r = up.unquote('%E2%82%AC%20x%zz%4'), up.unquote('no-escape'), up.unquote(b'%41%42'), up.unquote('%FF', errors='strict')",
    "r = up.unquote_plus('a+b%2B+%2b'), up.unquote_to_bytes('%e2%82%ac'), up.unquote_to_bytes(''), up.unquote_to_bytes('%')",
    "r = up.urlencode({'a': 1, 'b': 'x y', 'c': 'é&', 'd': b'\\x01'}), up.urlencode([('k', [1, 2]), ('s', 'v'), ('n', 3)], doseq=True)",
    "r = up.urlencode({'a': 'b c'}, quote_via=up.quote), up.urlencode({'p': '/x'}, safe='/'), up.urlencode([])",
    "r = up.urlencode('abc')",
    "r = up.parse_qs('a=1&a=2&b=&c=%20+x'), up.parse_qs('a=1&b=', keep_blank_values=True), up.parse_qs('a=1;b=2', separator=';')",
    "r = up.parse_qsl('a=1&&b=2&c'), up.parse_qsl('c', keep_blank_values=True), up.parse_qsl(b'x=%41&y=b+c')",
    "r = up.parse_qsl('a&b=1', strict_parsing=True)",
    "r = up.parse_qsl('a=1&b=2&c=3', max_num_fields=2)",
    "r = up.urlsplit(b'http://H/p').hostname, up.urlparse(b'http://x/y').geturl(), up.urlsplit('http://x/y').encode(), up.urlsplit(b'a:b').decode()",
    "r = up.urlsplit('http://x', b'ftp')",
    "r = isinstance(up.urlsplit('x'), tuple), len(up.urlparse('x')), up.SplitResult._fields, up.ParseResult('a', 'b', 'c', 'd', 'e', 'f').netloc",
    "r = up.urlsplit('http://x/a%20b').path, list(up.urlsplit('s://n/p?q#f')), up.urlparse('s://n/p;a')[3]",
]
for case in cases:
    try:
        g = {"up": up}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
