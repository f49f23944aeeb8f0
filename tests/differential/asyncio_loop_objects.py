# the event loop's own objects (selectors.EpollSelector, the self-pipe's sockets, the SelectorKey
# of its reader, the executor) as a user who pokes at them sees them
import asyncio
import sys
import threading

loop = asyncio.new_event_loop()
sel = loop._selector
print(type(sel).__name__, type(sel._map).__name__, len(sel._map), sorted(sel._fd_to_key))
key = sel._fd_to_key[loop._ssock.fileno()]
print(type(key).__name__, key._fields, key.fd, key.events, key.fileobj == key.fd)
handle, writer = key.data
print(type(handle).__name__, handle._callback.__name__, handle.cancelled(), writer)
print(loop._ssock.fileno(), loop._csock.fileno(), sys.getsizeof(loop._ssock))
print(sorted(k for k in vars(loop) if k.startswith('_') and not k.startswith('__'))[:8])
print(len(loop._transports), len(loop._signal_handlers), len(loop._asyncgens))
print(loop.is_closed(), loop.is_running(), loop.get_debug(), loop._default_executor)


def work(x):
    return threading.current_thread().name.startswith('asyncio_'), x + 1


print(loop.run_until_complete(loop.run_in_executor(None, work, 41)))
print(type(loop._default_executor).__name__, loop._default_executor._max_workers)
loop.run_until_complete(loop.shutdown_default_executor())
loop.close()
print(loop.is_closed(), loop._selector, loop._ssock, loop._csock, handle.cancelled())
loop2 = asyncio.new_event_loop()
print('reused fds', loop2._ssock.fileno(), loop2._csock.fileno())
loop2.close()


async def main():
    running = asyncio.get_running_loop()
    return type(running).__name__, running._ssock.fileno(), len(running._selector.get_map())


print(asyncio.run(main()))
