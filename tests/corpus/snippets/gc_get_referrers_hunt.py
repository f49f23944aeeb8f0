import gc


class Session:
    def __init__(self, sid):
        self.sid = sid
        self.buffer = [0] * 2000


_active = {}
_log = []


def open_session(sid):
    s = Session(sid)
    _active[sid] = s
    _log.append(s)  # the bug: the log keeps every session
    return s


for sid in range(2000):
    open_session(sid)
    del _active[sid]

leaked = [o for o in gc.get_objects() if isinstance(o, Session)]
print(len(leaked), "sessions still alive")
holders = gc.get_referrers(leaked[0])
print([type(h).__name__ for h in holders])
del leaked, holders
_log.clear()
