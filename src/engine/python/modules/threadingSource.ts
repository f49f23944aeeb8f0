/**
 * The threading module, written for Highwater in Python over _thread, with the structure of
 * CPython 3.11's Lib/threading.py (not a copy of it): the objects a Thread keeps alive are the
 * ones the real one keeps (its dict with target/args/kwargs/name, a started Event made of a
 * Condition over a Lock, the tstate lock _set_sentinel gives it, its entry in _active), and every
 * wait ends in a lock's acquire, so the simulated scheduler sees the same blocking points.
 * Module-level state lives in containers (the module's attributes are copied once, after it ran).
 */
export const THREADING_SOURCE = `
import _thread
from collections import deque as _deque
from itertools import islice as _islice

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
Lock = _thread.allocate_lock
RLock = _thread.RLock
local = _thread._local
TIMEOUT_MAX = _thread.TIMEOUT_MAX

_active = {}
_limbo = {}
_active_limbo_lock = _allocate_lock()
_counter = [0]
_main = []


def _call(f, a, k):
    # f(*a, **k) as plain calls where it can: a call the loop runs inline, so a wait inside f can
    # hand the GIL over (CALL_FUNCTION_EX runs f in a nested loop in 3.11: threads.ts)
    if k:
        return f(*a, **k)
    # **self._kwargs is BUILD_MAP 0 + DICT_MERGE in the real Thread.run: a new empty dict (a
    # 64-byte pymalloc block) that lives as long as the target runs, i.e. the thread's whole life
    kw = {}
    n = len(a)
    if n == 0:
        return f()
    if n == 1:
        return f(a[0])
    if n == 2:
        return f(a[0], a[1])
    if n == 3:
        return f(a[0], a[1], a[2])
    if n == 4:
        return f(a[0], a[1], a[2], a[3])
    return f(*a)


def _newname(prefix="Thread-"):
    _counter[0] += 1
    return prefix + str(_counter[0])


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        # a LOAD_ATTR (the call is CALL_FUNCTION_EX): a bound builtin method, 72 bytes, each time
        return self._lock.__exit__(*args)

    def __repr__(self):
        return f"<Condition({self._lock!r}, {len(self._waiters)})>"

    def _release_save(self):
        if isinstance(self._lock, RLock):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _acquire_restore(self, saved):
        if saved is None:
            self._lock.acquire()
        else:
            self._lock._acquire_restore(saved)

    def _is_owned(self):
        if isinstance(self._lock, RLock):
            return self._lock._is_owned()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            if not self.wait(timeout) and timeout is not None:
                return predicate()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        # 3.11.4+ (gh-92530): take waiters from the front one at a time, no copy of the deque
        q = self._waiters
        while q and n > 0:
            w = q[0]
            try:
                w.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                q.remove(w)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        c = self._cond
        c.acquire()
        try:
            while self._value == 0:
                if not blocking:
                    break
                if not c.wait(timeout) and timeout is not None:
                    break
            else:
                self._value -= 1
                rc = True
        finally:
            c.release()
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        c = self._cond
        c.acquire()
        try:
            self._value += n
            c.notify(n)
        finally:
            c.release()

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        Semaphore.release(self, n)


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        return "<threading.Event: " + ("set" if self._flag else "unset") + ">"

    def is_set(self):
        return self._flag

    isSet = is_set

    # set() and wait() are "with self._cond:" in Lib/threading.py. BEFORE_WITH would call
    # Condition.__enter__ from C, where a wait cannot hand the GIL over (threads.ts), so the with
    # is spelled out with the same objects: the two bound methods BEFORE_WITH makes (64 bytes each,
    # __enter__'s dropped once called), __exit__(None, None, None) at the end, then its bound method.
    def set(self):
        c = self._cond
        enter = c.__enter__
        exit = c.__exit__
        c.acquire()
        del enter
        try:
            self._flag = True
            c.notify_all()
        finally:
            exit(None, None, None)
            del exit

    def clear(self):
        c = self._cond
        c.acquire()
        try:
            self._flag = False
        finally:
            c.release()

    def wait(self, timeout=None):
        c = self._cond
        enter = c.__enter__
        exit = c.__exit__
        c.acquire()
        del enter
        try:
            signaled = self._flag
            if not signaled:
                signaled = c.wait(timeout)
            return signaled
        finally:
            exit(None, None, None)
            del exit


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname()
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{self.__class__.__name__}({self._name}, {status})>"

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        _active_limbo_lock.acquire()
        _limbo[self] = self
        _active_limbo_lock.release()
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            _active_limbo_lock.acquire()
            del _limbo[self]
            _active_limbo_lock.release()
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                _call(self._target, self._args, self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._ident = get_ident()
            self._tstate_lock = _set_sentinel()
            self._tstate_lock.acquire()
            self._native_id = get_native_id()
            self._started.set()
            _active_limbo_lock.acquire()
            _active[self._ident] = self
            del _limbo[self]
            _active_limbo_lock.release()
            try:
                self.run()
            except SystemExit:
                pass
            except BaseException as exc:
                _thread._excepthook(self._name, exc)
        finally:
            _active_limbo_lock.acquire()
            try:
                del _active[get_ident()]
            except KeyError:
                pass
            _active_limbo_lock.release()

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return
        if lock.acquire(block, timeout):
            lock.release()
            self._is_stopped = True
            self._tstate_lock = None

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def is_alive(self):
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    name = property(getName, setName)

    def _get_ident(self):
        return self._ident

    ident = property(_get_ident)

    def _get_native_id(self):
        return self._native_id

    native_id = property(_get_native_id)

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    daemon = property(isDaemon, setDaemon)


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()
        _active[self._ident] = self


def current_thread():
    t = _active.get(get_ident())
    if t is None:
        return _main[0]
    return t


currentThread = current_thread


def main_thread():
    return _main[0]


def active_count():
    return len(_active) + len(_limbo)


activeCount = active_count


def enumerate():
    return list(_active.values()) + list(_limbo.values())


def settrace(func):
    pass


def setprofile(func):
    pass


def stack_size(size=0):
    return _thread.stack_size(size)


_main.append(_MainThread())
`;
