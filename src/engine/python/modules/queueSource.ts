/**
 * queue.Queue and concurrent.futures' ThreadPoolExecutor, written for Highwater in Python over
 * threading (the structure of CPython 3.11's Lib/queue.py and Lib/concurrent/futures/thread.py,
 * not a copy): a Queue is a deque under one Lock with three Conditions, each method entering one of them
 * ("with self.not_empty:") and reaching the container through _init/_qsize/_put/_get, so LifoQueue
 * (a list, pop()) and PriorityQueue (a list through heappush/heappop) override only those four. Not
 * modelled: the C _queue.SimpleQueue (a list and a read position; here it is a Queue). An executor starts a worker
 * thread per submit until max_workers (min(32, cpus + 4)) or an idle worker exists, the workers
 * take work items from a Queue, and shutdown(wait=True) joins them.
 */
export const QUEUE_SOURCE = `
import threading
from collections import deque
from heapq import heappush, heappop
from time import monotonic as time


class Empty(Exception):
    pass


class Full(Exception):
    pass


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError("task_done() called too many times")
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


SimpleQueue = Queue
`;

export const FUTURES_SOURCE = `
import threading
import queue
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


def wait(fs, timeout=None):
    for f in fs:
        f.exception(timeout)
    return (set(fs), set())


def as_completed(fs, timeout=None):
    for f in list(fs):
        f.exception(timeout)
        yield f
`;
