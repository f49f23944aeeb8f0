/**
 * asyncio's selector and self-pipe (after asyncioLoopSource.ts, before asyncioBaseLoopSource.ts):
 * the epoll object and the socketpair's two sockets with the lowest free fds, the selector's
 * _fd_to_key and _SelectorMapping, EpollSelector as selectors.py keeps its keys (Python written for
 * Highwater with the structure of CPython 3.11's Lib/selectors.py and socket.py, not a copy).
 */
export const ASYNCIO_SELECTOR_SOURCE = `class _hw_epoll:
    """select.epoll: the kernel's epoll instance (its fd, the lowest free one: 3 in a fresh
    process, so the self-pipe's sockets get 4 and 5 as measured) behind a small object: a Python
    object with one slot is a GC object here, 40 bytes where the real pyEpoll_Object is 24."""
    __slots__ = ('_hw_fd',)

    def __init__(self):
        self._hw_fd = _hw_lowest_fd()

    def fileno(self):
        return self._hw_fd

    def close(self):
        if self._hw_fd >= 0:
            _hw_fds_open.discard(self._hw_fd)
            self._hw_fd = -1


class _hw_socket:
    """socket.socket as the self-pipe's ends: _socket.socket's fields (fd, family/type/proto,
    errorhandler, timeout: 32 bytes) as four slots, and socket.socket's own __slots__ (_io_refs,
    _closed, __weakref__): 72 bytes + the 16-byte GC head, sys.getsizeof 88 as measured."""
    __slots__ = ('_hw_fd', '_hw_kind', '_hw_errorhandler', '_hw_timeout', '_io_refs', '_closed',
                 '__weakref__')

    def __init__(self, fd):
        self._hw_fd = fd
        self._hw_kind = None
        self._hw_errorhandler = None
        self._hw_timeout = -1
        self._io_refs = 0
        self._closed = False

    def fileno(self):
        return self._hw_fd

    def setblocking(self, flag):
        self._hw_timeout = -1 if flag else 0

    def close(self):
        if not self._closed:
            self._closed = True
            _hw_fds_open.discard(self._hw_fd)
            self._hw_fd = -1


_hw_fds_open = set()


def _hw_lowest_fd():
    # the kernel gives the lowest free descriptor (3 after the start-up's stdin/out/err)
    fd = 3
    while fd in _hw_fds_open:
        fd += 1
    _hw_fds_open.add(fd)
    return fd


def _hw_socketpair():
    # socket.socketpair(): two connected AF_UNIX sockets
    a = _hw_socket(_hw_lowest_fd())
    return a, _hw_socket(_hw_lowest_fd())


class _SelectorMapping:
    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._fd_to_key)

    def __getitem__(self, fileobj):
        fd = self._selector._fileobj_lookup(fileobj)
        return self._selector._fd_to_key[fd]


class EpollSelector:
    """selectors.EpollSelector as the loop uses it: the select.epoll object, the fd → SelectorKey
    map and its _SelectorMapping view, the registered readers (the self-pipe's); a poll waits on
    the simulated clock."""

    def __init__(self):
        self._fd_to_key = {}
        self._map = _SelectorMapping(self)
        self._selector = _hw_epoll()
        self._wakeup = None

    def _fileobj_lookup(self, fileobj):
        if isinstance(fileobj, int):
            return fileobj
        return fileobj.fileno()

    def register(self, fileobj, events, data=None):
        key = SelectorKey(fileobj, self._fileobj_lookup(fileobj), events, data)
        if key.fd in self._fd_to_key:
            raise KeyError(f'{fileobj!r} (FD {key.fd}) is already registered')
        self._fd_to_key[key.fd] = key
        return key

    def unregister(self, fileobj):
        return self._fd_to_key.pop(self._fileobj_lookup(fileobj))

    def get_map(self):
        return self._map

    def select(self, timeout, loop):
        if timeout is not None and timeout <= 0:
            return []
        if timeout is not None:
            # EpollSelector.select: epoll_wait takes milliseconds, rounded up (so timers due
            # within the same millisecond fire in the same turn of the loop)
            timeout = _math.ceil(timeout * 1e3) * 1e-3
        if self._wakeup is not None:
            self._wakeup.wait(timeout)
            self._wakeup.clear()
            return []
        if timeout is None:
            _hw_wait_forever()
        _time.sleep(timeout)
        return []

    def close(self):
        self._selector.close()
        self._fd_to_key.clear()
        self._map = None


`;
