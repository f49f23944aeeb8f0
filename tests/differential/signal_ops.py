# signal: the Signals/Handlers IntEnums, signal/getsignal, raise_signal and os.kill to the process itself running
# the Python handler at once, SIG_IGN, default_int_handler's KeyboardInterrupt, strsignal, valid_signals, errors
import signal
print(signal.SIGINT, repr(signal.SIGINT), int(signal.SIGTERM), signal.SIGINT == 2)
print(signal.getsignal(signal.SIGINT))
print(signal.getsignal(signal.SIGTERM), signal.SIG_DFL, repr(signal.SIG_IGN))
got = []
def handler(signum, frame):
    got.append(signum)
    print('handled', signum, type(signum).__name__, frame is not None)
old = signal.signal(signal.SIGUSR1, handler)
print(old)
print(signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
import os
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(signal.strsignal(signal.SIGINT), signal.strsignal(9))
print(signal.Signals(15), signal.Signals['SIGKILL'], signal.NSIG)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print('OSError', e)
try:
    signal.signal(99, handler)
except ValueError as e:
    print('ValueError', e)
try:
    signal.signal(signal.SIGINT, 5)
except TypeError as e:
    print('TypeError', e)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt')
print(len(signal.valid_signals()), signal.SIGALRM in signal.valid_signals())
print(signal.default_int_handler)
print(sorted(s.name for s in signal.Signals)[:5])
print(type(signal.SIG_DFL), signal.Handlers.SIG_IGN)
