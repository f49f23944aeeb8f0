/**
 * asyncio's event loop, written for Highwater in Python with the structure of CPython 3.11's
 * Lib/asyncio/events.py, base_events.py, selector_events.py and runners.py (not a copy): Handle
 * and TimerHandle with the real `__slots__` (96 and 112 bytes with the GC head, as measured), the
 * loop's `_ready` deque and `_scheduled` heap, `_run_once` as BaseEventLoop runs it (cancelled
 * timers dropped from the heap's top, or the heap rebuilt when more than half of 100+ are
 * cancelled; the selector polled with the time to the next timer; expired timers moved to
 * `_ready`; the callbacks ready at the start run, the ones they schedule wait for the next turn).
 *
 * The selector: there is no I/O to wait for, so a poll with a timeout is a sleep on the process's
 * simulated clock (time.sleep: free, and other threads run meanwhile), as epoll_wait blocks the
 * real loop; a `call_soon_threadsafe` from a worker thread sets the self-pipe's event, which ends
 * the wait early. A loop with nothing scheduled and no worker threads would wait forever: that is
 * a stop ("not supported by Highwater yet"), not a hang.
 */
/** events.py's part: the exceptions, Handle/TimerHandle, the running loop, the policy (then asyncioSelectorSource.ts). */
export const ASYNCIO_LOOP_SOURCE = `
import collections as _hw_collections
import heapq as _hw_heapq
import threading as _hw_threading
import time as _time
import contextvars as _hw_contextvars
import functools as _hw_functools
import math as _math
import logging as _hw_logging
import weakref as _weakref

# asyncio/log.py
logger = _hw_logging.getLogger('asyncio')


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


class SendfileNotAvailableError(RuntimeError):
    pass


class IncompleteReadError(EOFError):
    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


TimeoutError = TimeoutError

_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5
_MAXIMUM_SELECT_TIMEOUT = 24 * 3600


def _format_callback(cb):
    name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None)
    return name if name is not None else repr(cb)


class Handle:
    __slots__ = ('_callback', '_args', '_cancelled', '_loop',
                 '_source_traceback', '_repr', '__weakref__', '_context')

    def __init__(self, callback, args, loop, context=None):
        if context is None:
            context = _hw_contextvars.copy_context()
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._source_traceback = None

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback))
        return '<{}>'.format(' '.join(info))

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = _format_callback(self._callback)
            self._loop.call_exception_handler({
                'message': f'Exception in callback {cb}',
                'exception': exc,
                'handle': self,
            })
        self = None


class TimerHandle(Handle):
    __slots__ = ['_scheduled', '_when']

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and
                    self._callback == other._callback and
                    self._args == other._args and
                    self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


class _RunningLoop(_hw_threading.local):
    loop_pid = (None, None)


_running_loop = _RunningLoop()
_event_loop_policy = None


def _get_running_loop():
    running_loop, pid = _running_loop.loop_pid
    if running_loop is not None and pid == 1:
        return running_loop


def _set_running_loop(loop):
    _running_loop.loop_pid = (loop, 1)


def get_running_loop():
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class AbstractEventLoopPolicy:
    pass


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    def __init__(self):
        self._local = _hw_threading.local()
        self._local._loop = None
        self._local._set_called = False

    def get_event_loop(self):
        if (self._local._loop is None and not self._local._set_called and
                _hw_threading.current_thread() is _hw_threading.main_thread()):
            self.set_event_loop(self.new_event_loop())
        if self._local._loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % _hw_threading.current_thread().name)
        return self._local._loop

    def set_event_loop(self, loop):
        self._local._set_called = True
        self._local._loop = loop

    def new_event_loop(self):
        return SelectorEventLoop()


def get_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = DefaultEventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    global _event_loop_policy
    _event_loop_policy = policy


def get_event_loop():
    current_loop = _get_running_loop()
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


_get_event_loop = get_event_loop


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()


class AbstractEventLoop:
    pass


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut._loop.stop()


EVENT_READ = 1
EVENT_WRITE = 2
SelectorKey = _hw_collections.namedtuple('SelectorKey', ['fileobj', 'fd', 'events', 'data'])


`;
