/**
 * xml.etree.ElementTree's Python (Lib/xml/etree/ElementTree.py, 3.11), written for Highwater from
 * what the module does and run by the VM over the C types (etree.ts): ElementTree (parse reads
 * through XMLParser._parse_whole: 64 KiB reads), parse, iterparse (a generator feeding 16 KiB
 * reads into an XMLPullParser whose events queue is a deque; the iterator's class is made per
 * call, as the real one), XMLPullParser, fromstring/XML (one feed of the whole text), write and
 * tostring (the pieces through _get_writer's TextIOWrapper: 8,192-character encoded chunks into a
 * BytesIO grown by realloc and cut by getvalue, as real; a StringIO for 'unicode'; a file name's
 * binary file), dump, iselement, indent.
 * Not supported: namespaced tags in tostring ({uri}tag: the ns0 prefixes), method='html'/'text',
 * Comment/ProcessingInstruction nodes, custom parser targets.
 */
export const ETREE_SOURCE = `
import sys, io
import collections

VERSION = "1.3.0"


class ParseError(SyntaxError):
    pass


def iselement(element):
    return hasattr(element, 'tag')


def _escape_cdata(text):
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attrib(text):
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\\"" in text:
        text = text.replace("\\"", "&quot;")
    if "\\r" in text:
        text = text.replace("\\r", "&#13;")
    if "\\n" in text:
        text = text.replace("\\n", "&#10;")
    if "\\t" in text:
        text = text.replace("\\t", "&#09;")
    return text


def _serialize_xml(write, elem, short_empty_elements):
    tag = elem.tag
    text = elem.text
    if not isinstance(tag, str) or tag[:1] == "{":
        _hw_unsupported('ElementTree serialization of namespaced or non-str tags')
    write("<" + tag)
    items = list(elem.items())
    if items:
        for k, v in items:
            write(" %s=\\"%s\\"" % (k, _escape_attrib(v)))
    if text or len(elem) or not short_empty_elements:
        write(">")
        if text:
            write(_escape_cdata(text))
        for e in elem:
            _serialize_xml(write, e, short_empty_elements)
        write("</" + tag + ">")
    else:
        write(" />")
    if elem.tail:
        write(_escape_cdata(elem.tail))


def _serialize(write, root, encoding, xml_declaration, method, short_empty_elements):
    if method not in (None, "xml"):
        _hw_unsupported('ElementTree serialization with method=%r' % (method,))
    if xml_declaration:
        write("<?xml version='1.0' encoding='%s'?>\\n" % (encoding,))
    _serialize_xml(write, root, short_empty_elements)


def _text_writer(write_bytes, encoding):
    # _get_writer's TextIOWrapper over a binary stream (textiowrapper_write): the written strs are
    # kept pending and written as one encoded chunk once 8,192 are pending (chunk_size), or before
    # a str that would take the pending past it (_textiowrapper_writeflush); detach() flushes the rest
    pending = []
    count = 0

    def flush():
        nonlocal count
        if pending:
            write_bytes("".join(pending).encode(encoding, "xmlcharrefreplace"))
            pending.clear()
            count = 0

    def write(s):
        nonlocal count
        if pending and count + len(s) > 8192:
            flush()
        pending.append(s)
        count += len(s)
        if count >= 8192:
            flush()

    return write, flush


class ElementTree:
    def __init__(self, element=None, file=None):
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        close_source = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            close_source = True
        try:
            if parser is None:
                parser = XMLParser()
                if hasattr(parser, '_parse_whole'):
                    self._root = parser._parse_whole(source)
                    return self._root
            while True:
                data = source.read(65536)
                if not data:
                    break
                parser.feed(data)
            self._root = parser.close()
            return self._root
        finally:
            if close_source:
                source.close()

    def iter(self, tag=None):
        return self._root.iter(tag)

    def find(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.find(path)

    def findtext(self, path, default=None, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.findtext(path, default)

    def findall(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.findall(path)

    def iterfind(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.iterfind(path)

    def write(self, file_or_filename, encoding=None, xml_declaration=None, default_namespace=None,
              method=None, *, short_empty_elements=True):
        if not encoding:
            encoding = "us-ascii"
        unicode = encoding.lower() == "unicode"
        declared = "utf-8" if unicode else encoding
        if xml_declaration is None:
            xml_declaration = not unicode and declared.lower() not in ("utf-8", "us-ascii")
        if hasattr(file_or_filename, "write"):
            if unicode:
                _serialize(file_or_filename.write, self._root, declared, xml_declaration, method,
                           short_empty_elements)
            else:
                write, flush = _text_writer(file_or_filename.write, encoding)
                _serialize(write, self._root, declared, xml_declaration, method, short_empty_elements)
                flush()
        else:
            # open(name, "w", encoding=…): the same TextIOWrapper chunks, over a BufferedWriter
            with open(file_or_filename, "wb") as f:
                write, flush = _text_writer(f.write, declared)
                _serialize(write, self._root, declared, xml_declaration, method, short_empty_elements)
                flush()


def tostring(element, encoding=None, method=None, *, xml_declaration=None, default_namespace=None,
             short_empty_elements=True):
    stream = io.StringIO() if encoding == "unicode" else io.BytesIO()
    ElementTree(element).write(stream, encoding, xml_declaration=xml_declaration,
                               default_namespace=default_namespace, method=method,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None, default_namespace=None,
                 short_empty_elements=True):
    return [tostring(element, encoding, method, xml_declaration=xml_declaration,
                     short_empty_elements=short_empty_elements)]


def dump(elem):
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    text = tostring(elem.getroot(), encoding="unicode")
    sys.stdout.write(text)
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\\n":
        sys.stdout.write("\\n")


def indent(tree, space="  ", level=0):
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(f"Initial indentation level must be >= 0, got {level}")
    if not len(tree):
        return
    indentations = ["\\n" + level * space]

    def _indent_children(elem, level):
        child_level = level + 1
        try:
            child_indentation = indentations[child_level]
        except IndexError:
            child_indentation = indentations[level] + space
            indentations.append(child_indentation)
        if not elem.text or not elem.text.strip():
            elem.text = child_indentation
        for child in elem:
            if len(child):
                _indent_children(child, child_level)
            if not child.tail or not child.tail.strip():
                child.tail = child_indentation
        if not child.tail.strip():
            child.tail = indentations[level]

    _indent_children(tree, 0)


def parse(source, parser=None):
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


def iterparse(source, events=None, parser=None):
    pullparser = XMLPullParser(events=events, _parser=parser)

    def iterator(source):
        close_source = False
        try:
            if not hasattr(source, "read"):
                source = open(source, "rb")
                close_source = True
            yield None
            while True:
                yield from pullparser.read_events()
                data = source.read(16 * 1024)
                if not data:
                    break
                pullparser.feed(data)
            root = pullparser._close_and_return_root()
            yield from pullparser.read_events()
            it.root = root
        finally:
            if close_source:
                source.close()

    class IterParseIterator:
        __next__ = iterator(source).__next__

        def __iter__(self):
            return self

    it = IterParseIterator()
    it.root = None
    del iterator, IterParseIterator
    next(it)
    return it


class XMLPullParser:
    def __init__(self, events=None, *, _parser=None):
        self._events_queue = collections.deque()
        self._parser = _parser or XMLParser(target=TreeBuilder())
        if events is None:
            events = ("end",)
        self._parser._setevents(self._events_queue, events)

    def feed(self, data):
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if data:
            try:
                self._parser.feed(data)
            except SyntaxError as exc:
                self._events_queue.append(exc)

    def _close_and_return_root(self):
        root = self._parser.close()
        self._parser = None
        return root

    def close(self):
        self._close_and_return_root()

    def read_events(self):
        events = self._events_queue
        while events:
            event = events.popleft()
            if isinstance(event, Exception):
                raise event
            else:
                yield event


def XML(text, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def fromstringlist(sequence, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()


def Comment(text=None):
    _hw_unsupported('xml.etree.ElementTree.Comment')


def ProcessingInstruction(target, text=None):
    _hw_unsupported('xml.etree.ElementTree.ProcessingInstruction')


PI = ProcessingInstruction
`;
