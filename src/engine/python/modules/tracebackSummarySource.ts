/**
 * traceback's stack-walking part (3.11's API: walk_tb, walk_stack, FrameSummary, StackSummary,
 * extract_tb, extract_stack, format_list, print_list, format_stack, print_stack, clear_frames,
 * TracebackException), written for Highwater as Python so its objects are made and kept as the
 * script's: a StackSummary is a list of FrameSummary instances (each with its __dict__-less slots),
 * `capture_locals` keeps a repr string per local. Source lines come from the script's text
 * (_hw_line: what linecache.getline reads); a frame's text and carets from the interpreter's own
 * traceback formatter (_hw_frame_text), the positions from the code's co_positions at the last
 * instruction (_hw_positions).
 */
export const TRACEBACK_SUMMARY_SOURCE = `

def _first_n(items, n):
    for i, item in enumerate(items):
        if i >= n:
            break
        yield item


def _some_str(value):
    try:
        return str(value)
    except Exception:
        return "<exception str() failed>"


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def _with_positions(tb):
    while tb is not None:
        yield tb.tb_frame, _hw_positions(tb.tb_frame.f_code, tb.tb_lasti)
        tb = tb.tb_next


class FrameSummary:
    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno", "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _hw_line(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        def extended():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            extended(), limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None, lookup_lines=True,
                                         capture_locals=False):
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = _first_n(frame_gen, limit)
            else:
                frame_gen = list(frame_gen)[limit:]
        result = klass()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            co = f.f_code
            result.append(FrameSummary(
                co.co_filename, lineno, co.co_name, lookup_line=False,
                locals=f.f_locals if capture_locals else None,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = _hw_frame_text(frame_summary.filename, frame_summary.lineno, frame_summary.end_lineno,
                             frame_summary.colno, frame_summary.end_colno, frame_summary.name,
                             frame_summary._original_line)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row += "    {name} = {value}\\n".format(name=name, value=value)
        return row

    def format(self):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            same = (last_file is not None and last_file == frame_summary.filename
                    and last_line == frame_summary.lineno and last_name == frame_summary.name)
            if not same:
                if count > 3:
                    count -= 3
                    result.append(f"  [Previous line repeated {count} more "
                                  f"time{'s' if count > 1 else ''}]\\n")
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(frame_summary))
        if count > 3:
            count -= 3
            result.append(f"  [Previous line repeated {count} more "
                          f"time{'s' if count > 1 else ''}]\\n")
        return result


def extract_tb(tb, limit=None):
    return StackSummary._extract_from_extended_frame_gen(_with_positions(tb), limit=limit)


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass
        tb = tb.tb_next


class TracebackException:

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._exc_value = exc_value
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _with_positions(exc_traceback), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)
        self._str = _some_str(exc_value)
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.__cause__ = self.__context__ = None
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        if exc_value is not None and not compact:
            for attr in ("__cause__", "__context__"):
                other = getattr(exc_value, attr)
                if other is not None and id(other) not in _seen:
                    setattr(self, attr, TracebackException(
                        type(other), other, other.__traceback__, limit=limit,
                        lookup_lines=lookup_lines, capture_locals=capture_locals, _seen=_seen))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._exc_value is None:
            yield "NoneType: None\\n"
            return
        yield from _hw_only(self._exc_value)

    def format(self, *, chain=True):
        if self._exc_value is None:
            yield "NoneType: None\\n"
            return
        yield from _hw_chunks(self._exc_value, chain)

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
`;
