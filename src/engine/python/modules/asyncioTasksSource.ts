/**
 * asyncio's Future and Task, and the functions over them (gather, wait, wait_for, as_completed,
 * sleep, ensure_future, shield, current_task, all_tasks, to_thread), written for Highwater in
 * Python with the structure of CPython 3.11's Lib/asyncio/futures.py and tasks.py and of what
 * Modules/_asynciomodule.c does (not a copy).
 *
 * In 3.11 Future and Task are C objects (_asyncio.Future: 16 GC + 128 bytes, Task: 16 GC + 176,
 * measured with sys.getsizeof). Here they are classes with `__slots__` laid out to the same
 * sizes: Future's 14 slots (+ the 16-byte header) are the C struct's 12 pointers and three ints
 * (the C dict pointer is left out: a Future here takes no new attributes), Task's 6 more are
 * task_fut_waiter, task_coro, task_name, task_context and its three ints (two of them, must_cancel
 * and log_destroy_pending, share the `_hw_flags` slot behind two properties). As in C, the first done
 * callback and its context sit in the object (fut_callback0/fut_context0) and a list of
 * (callback, context) tuples is made only for the second one. `await future` goes through a
 * FutureIter (the native `_hw_future_iter`: 16 GC + 24 bytes, a free list of 255) as in C, not a
 * generator. What the C methods do without a frame runs here as Python methods (their frames sit
 * in the thread's frame stack: no heap allocation). Task.__step is scheduled through a native
 * TaskStepMethWrapper and a task waits on a future through a bound built-in `task_wakeup`, as in C
 * (asyncioWrappers.ts: 48 and 72 bytes; bound methods here were 64 each).
 */
export const ASYNCIO_TASKS_SOURCE = `
import weakref as _weakref

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


async def _hw_probe():
    pass

_hw_coro = _hw_probe()
_CoroutineType = type(_hw_coro)
_hw_coro.close()
del _hw_coro


def iscoroutine(obj):
    return type(obj) is _CoroutineType or (
        hasattr(type(obj), 'send') and hasattr(type(obj), 'throw') and
        hasattr(type(obj), 'close') and hasattr(type(obj), '__await__'))


def iscoroutinefunction(func):
    return (getattr(func, '__code__', None) is not None and
            bool(func.__code__.co_flags & 0x80))


def isfuture(obj):
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


class Future:
    __slots__ = ('_loop', '_callback0', '_context0', '_callbacks', '_exception', '_exception_tb',
                 '_result', '_source_traceback', '_cancel_message', '_state', '_log_traceback',
                 '_asyncio_future_blocking', '_cancelled_exc', '__weakref__')

    def __init__(self, *, loop=None):
        if loop is None:
            loop = _get_event_loop()
        self._loop = loop
        self._callback0 = None
        self._context0 = None
        self._callbacks = None
        self._exception = None
        self._exception_tb = None
        self._result = None
        self._source_traceback = None
        self._cancel_message = None
        self._state = _PENDING
        self._log_traceback = False
        self._asyncio_future_blocking = False
        self._cancelled_exc = None

    def __repr__(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={self._result!r}')
        return '<{} {}>'.format(self.__class__.__name__, ' '.join(info))

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = CancelledError()
        else:
            exc = CancelledError(self._cancel_message)
        return exc

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        # future_schedule_callbacks: callback0 first, then the list, each with its context
        if self._callback0 is not None:
            cb = self._callback0
            ctx = self._context0
            self._callback0 = None
            self._context0 = None
            self._loop.call_soon(cb, self, context=ctx)
        callbacks = self._callbacks
        if callbacks is None:
            return
        self._callbacks = None
        for cb, ctx in callbacks:
            self._loop.call_soon(cb, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not set.')
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception.with_traceback(self._exception_tb)
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
            return
        if context is None:
            context = _hw_contextvars.copy_context()
        if self._callback0 is None:
            self._callback0 = fn
            self._context0 = context
        elif self._callbacks is None:
            self._callbacks = [(fn, context)]
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        removed = 0
        if self._callback0 is not None and self._callback0 == fn:
            self._callback0 = None
            self._context0 = None
            removed = 1
        if self._callbacks is None:
            return removed
        kept = [(f, ctx) for (f, ctx) in self._callbacks if f != fn]
        removed += len(self._callbacks) - len(kept)
        if not kept:
            self._callbacks = None
        elif len(kept) != len(self._callbacks):
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        return _hw_future_iter(self)

    __iter__ = __await__


def _get_loop(fut):
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


_task_name_counter = 0
_all_tasks = _weakref.WeakSet()
_current_tasks = {}


def _register_task(task):
    _all_tasks.add(task)


def _unregister_task(task):
    _all_tasks.discard(task)


def _enter_task(loop, task):
    current_task = _current_tasks.get(loop)
    if current_task is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another "
                           f"task {current_task!r} is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current_task = _current_tasks.get(loop)
    if current_task is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match "
                           f"the current task {current_task!r}.")
    del _current_tasks[loop]


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    tasks = list(_all_tasks)
    return {t for t in tasks if t._loop is loop and not t.done()}


def _set_task_name(task, name):
    if name is not None:
        task.set_name(name)


class Task(Future):
    # task_must_cancel and task_log_destroy_pending are two C ints: one slot (_hw_flags) here
    __slots__ = ('_fut_waiter', '_coro', '_name', '_context', '_num_cancels_requested', '_hw_flags')

    @property
    def _must_cancel(self):
        return bool(self._hw_flags & 1)

    @_must_cancel.setter
    def _must_cancel(self, value):
        self._hw_flags = (self._hw_flags & 2) | (1 if value else 0)

    @property
    def _log_destroy_pending(self):
        return bool(self._hw_flags & 2)

    @_log_destroy_pending.setter
    def _log_destroy_pending(self, value):
        self._hw_flags = (self._hw_flags & 1) | (2 if value else 0)

    def __init__(self, coro, *, loop=None, name=None, context=None):
        global _task_name_counter
        super().__init__(loop=loop)
        self._hw_flags = 0
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            _task_name_counter += 1
            self._name = f'Task-{_task_name_counter}'
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._fut_waiter = None
        self._coro = coro
        self._hw_flags = 2
        if context is None:
            self._context = _hw_contextvars.copy_context()
        else:
            self._context = context
        self._loop.call_soon(_hw_step_wrapper(self), context=self._context)
        _register_task(self)

    def __repr__(self):
        info = [self._state.lower() if self._state != _FINISHED else 'finished']
        info.append(f'name={self._name!r}')
        info.append(f'coro=<{self._coro.__qualname__}()>')
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={self._result!r}')
        return '<{} {}>'.format(self.__class__.__name__, ' '.join(info))

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def __step(self, exc=None):
        if self.done():
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        _enter_task(self._loop, self)
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as exc:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, exc.value)
        except CancelledError as exc:
            self._cancelled_exc = exc
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as exc:
            Future.set_exception(self, exc)
            raise
        except BaseException as exc:
            Future.set_exception(self, exc)
        else:
            blocking = getattr(result, '_asyncio_future_blocking', None)
            if blocking is not None:
                if result._loop is not self._loop:
                    new_exc = RuntimeError(
                        f'Task {self!r} got Future {result!r} attached to a different loop')
                    self._loop.call_soon(_hw_step_wrapper(self, new_exc), context=self._context)
                elif blocking:
                    if result is self:
                        new_exc = RuntimeError(f'Task cannot await on itself: {self!r}')
                        self._loop.call_soon(_hw_step_wrapper(self, new_exc), context=self._context)
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(_hw_task_wakeup(self), context=self._context)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    new_exc = RuntimeError(
                        f'yield was used instead of yield from in task {self!r} with {result!r}')
                    self._loop.call_soon(_hw_step_wrapper(self, new_exc), context=self._context)
            elif result is None:
                self._loop.call_soon(_hw_step_wrapper(self), context=self._context)
            else:
                new_exc = RuntimeError(f'Task got bad yield: {result!r}')
                self._loop.call_soon(_hw_step_wrapper(self, new_exc), context=self._context)
        finally:
            _leave_task(self._loop, self)
            self = None

    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()
        self = None


`;
