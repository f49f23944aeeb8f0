/**
 * concurrent.futures, written for Highwater in Python over threading (the structure of CPython
 * 3.11's Lib/concurrent/futures/_base.py and thread.py, not a copy). Two modules, as the real
 * package imports them: `concurrent.futures` (Future with its Condition, _waiters and
 * _done_callbacks lists; wait, as_completed) and `concurrent.futures.thread` (ThreadPoolExecutor),
 * which the package imports only on the first lookup of ThreadPoolExecutor (its module
 * `__getattr__`: `import asyncio` loads the package, not the executor, queue or _queue). An
 * executor starts a worker thread per submit until max_workers (min(32, cpus + 4)) or an idle
 * worker exists, the workers take work items from a Queue, each future's done callbacks run in
 * the thread that finished it, and shutdown(wait=True) joins the workers.
 */
export const FUTURES_SOURCE = `
import threading
import sys as _sys


def _log_callback_error(exc):
    # _base.LOGGER.exception: the logging module's last-resort handler writes to stderr
    print(f"exception calling callback for future\\n{type(exc).__name__}: {exc}", file=_sys.stderr)


class CancelledError(Exception):
    pass


class TimeoutError(Exception):
    pass


class Future:
    def __init__(self):
        self._condition = threading.Condition()
        self._state = "PENDING"
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        # Future._invoke_callbacks: in the thread that finished the future (a worker for submit)
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                _log_callback_error(exc)

    def done(self):
        return self._state == "FINISHED" or self._state == "CANCELLED"

    def running(self):
        return self._state == "RUNNING"

    def cancelled(self):
        return self._state == "CANCELLED"

    def cancel(self):
        c = self._condition
        c.acquire()
        try:
            if self._state == "RUNNING" or self._state == "FINISHED":
                return False
            if self._state == "CANCELLED":
                return True
            self._state = "CANCELLED"
            c.notify_all()
        finally:
            c.release()
        self._invoke_callbacks()
        return True

    def set_running_or_notify_cancel(self):
        c = self._condition
        c.acquire()
        try:
            if self._state == "CANCELLED":
                return False
            self._state = "RUNNING"
            return True
        finally:
            c.release()

    def add_done_callback(self, fn):
        c = self._condition
        c.acquire()
        try:
            if self._state != "FINISHED" and self._state != "CANCELLED":
                self._done_callbacks.append(fn)
                return
        finally:
            c.release()
        try:
            fn(self)
        except Exception as exc:
            _log_callback_error(exc)

    def _finish(self, result, exception):
        c = self._condition
        c.acquire()
        try:
            self._result = result
            self._exception = exception
            self._state = "FINISHED"
            c.notify_all()
        finally:
            c.release()
        self._invoke_callbacks()

    def set_result(self, result):
        self._finish(result, None)

    def set_exception(self, exception):
        self._finish(None, exception)

    def result(self, timeout=None):
        c = self._condition
        c.acquire()
        try:
            if self._state == "CANCELLED":
                raise CancelledError()
            if self._state != "FINISHED":
                c.wait(timeout)
                if self._state == "CANCELLED":
                    raise CancelledError()
                if self._state != "FINISHED":
                    raise TimeoutError()
            if self._exception is not None:
                raise self._exception
            return self._result
        finally:
            c.release()

    def exception(self, timeout=None):
        c = self._condition
        c.acquire()
        try:
            if self._state == "CANCELLED":
                raise CancelledError()
            if self._state != "FINISHED":
                c.wait(timeout)
                if self._state == "CANCELLED":
                    raise CancelledError()
            return self._exception
        finally:
            c.release()


def wait(fs, timeout=None):
    for f in fs:
        f.exception(timeout)
    return (set(fs), set())


def as_completed(fs, timeout=None):
    for f in list(fs):
        f.exception(timeout)
        yield f
`;

export const FUTURES_THREAD_SOURCE = `
import threading
import queue
from concurrent.futures import Future


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = threading._call(self.fn, self.args, self.kwargs)
        except BaseException as exc:
            self.future._finish(None, exc)
            self = None
        else:
            self.future._finish(result, None)


def _worker(executor, work_queue):
    while True:
        item = work_queue.get(block=True)
        if item is not None:
            item.run()
            del item
            executor._idle.release()
            continue
        work_queue.put(None)
        return


class ThreadPoolExecutor:
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, 2 + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._work_queue = queue.Queue()
        self._idle = threading.Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or f"ThreadPoolExecutor-{id(self)}"

    def submit(self, fn, /, *args, **kwargs):
        self._shutdown_lock.acquire()
        try:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f
        finally:
            self._shutdown_lock.release()

    def _adjust_thread_count(self):
        if self._idle.acquire(timeout=0):
            return
        n = len(self._threads)
        if n < self._max_workers:
            t = threading.Thread(name=f"{self._thread_name_prefix}_{n}", target=_worker, args=(self, self._work_queue))
            t.start()
            self._threads.append(t)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return self._results(fs)

    def _results(self, fs):
        fs.reverse()
        while fs:
            yield fs.pop().result()

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown_lock.acquire()
        self._shutdown = True
        self._work_queue.put(None)
        self._shutdown_lock.release()
        if wait:
            for t in self._threads:
                t.join()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
`;
