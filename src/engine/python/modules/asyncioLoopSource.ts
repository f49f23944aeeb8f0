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


class _hw_epoll:
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


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = _hw_collections.deque()
        self._scheduled = []
        self._default_executor = None
        self._internal_fds = 0
        self._thread_id = None
        self._clock_resolution = 1e-09
        self._exception_handler = None
        self.set_debug(False)
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._task_factory = None
        self._coroutine_origin_tracking_enabled = False
        self._coroutine_origin_tracking_saved_depth = None
        self._asyncgens = _weakref.WeakSet()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            task = Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            _set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def run_forever(self):
        self._check_closed()
        self._check_running()
        self._thread_id = _hw_threading.get_ident()
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            _set_running_loop(None)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._thread_id is not None

    def time(self):
        return _time.monotonic()

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = TimerHandle(when, callback, args, self, context)
        _hw_heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        return self._call_soon(callback, args, context)

    def _call_soon(self, callback, args, context):
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = self._call_soon(callback, args, context)
        self._write_to_self()
        return handle

    def _write_to_self(self):
        wakeup = self._selector._wakeup
        if wakeup is not None:
            wakeup.set()

    def run_in_executor(self, executor, func, *args):
        return self._hw_run_in_executor(executor, func, args, {})

    def _hw_run_in_executor(self, executor, func, args, kwargs):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                from concurrent.futures import ThreadPoolExecutor
                executor = ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        if self._selector._wakeup is None:
            self._selector._wakeup = _hw_threading.Event()
        # BaseEventLoop.run_in_executor: the concurrent future, wrapped (futures.wrap_future ->
        # _chain_future: its done callback, run by the worker that finished it, hands the state
        # over to the loop through call_soon_threadsafe, whose self-pipe write ends the wait)
        return wrap_future(executor.submit(func, *args, **kwargs), loop=self)

    def _check_default_executor(self):
        if self._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')

    def set_default_executor(self, executor):
        self._default_executor = executor

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = list(self._asyncgens)
        self._asyncgens.clear()
        results = await gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen
                })

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()
        thread = _hw_threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        _hw_log_error(message, context)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    pass

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _run_once(self):
        sched_count = len(self._scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            _hw_heapq.heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = _hw_heapq.heappop(self._scheduled)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            when = self._scheduled[0]._when
            timeout = min(max(0, when - self.time()), _MAXIMUM_SELECT_TIMEOUT)

        event_list = self._selector.select(timeout, self)
        self._process_events(event_list)
        event_list = None

        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = _hw_heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)

        ntodo = len(self._ready)
        for i in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                continue
            handle._run()
        handle = None


class _BaseSelectorEventLoop(BaseEventLoop):
    def __init__(self, selector=None):
        super().__init__()
        if selector is None:
            selector = EpollSelector()
            # a disabled debug call: its first use fills the logger's isEnabledFor cache
            logger.debug('Using selector: %s', selector.__class__.__name__)
        self._selector = selector
        self._make_self_pipe()
        self._transports = _weakref.WeakValueDictionary()

    def _make_self_pipe(self):
        # socket.socketpair(): the two socket objects; the reader's Handle in a SelectorKey
        self._ssock, self._csock = _hw_socketpair()
        self._ssock.setblocking(False)
        self._csock.setblocking(False)
        self._internal_fds += 1
        self._add_reader(self._ssock.fileno(), self._read_from_self)

    def _add_reader(self, fd, callback, *args):
        self._check_closed()
        handle = Handle(callback, args, self, None)
        self._selector.register(fd, EVENT_READ, (handle, None))
        return handle

    def _remove_reader(self, fd):
        if self.is_closed():
            return False
        try:
            key = self._selector.get_map()[fd]
        except KeyError:
            return False
        reader, writer = key.data
        self._selector.unregister(fd)
        if reader is not None:
            reader.cancel()
            return True
        return False

    def _close_self_pipe(self):
        self._remove_reader(self._ssock.fileno())
        self._ssock.close()
        self._ssock = None
        self._csock.close()
        self._csock = None
        self._internal_fds -= 1

    def _read_from_self(self):
        pass

    def _process_events(self, event_list):
        pass

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self.is_closed():
            return
        self._close_self_pipe()
        super().close()
        if self._selector is not None:
            self._selector.close()
            self._selector = None


class _UnixSelectorEventLoop(_BaseSelectorEventLoop):
    def __init__(self, selector=None):
        super().__init__(selector)
        self._signal_handlers = {}

    def close(self):
        super().close()
        for sig in list(self._signal_handlers):
            self.remove_signal_handler(sig)


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = DefaultEventLoopPolicy


class Runner:
    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if _get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)
        self._interrupt_count = 0
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._context = _hw_contextvars.copy_context()
        self._state = 'initialized'


def run(main, *, debug=None):
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
`;
