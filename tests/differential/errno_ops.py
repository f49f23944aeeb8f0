# errno: constants, errorcode's order and aliases, and OSError's errno attribute against them.
import errno
import os

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.ENOMEM, errno.EINTR, errno.ENOSPC)
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])
print(errno.ENOTSUP == errno.EOPNOTSUPP, errno.errorcode[errno.EOPNOTSUPP])
print(len(errno.errorcode), list(errno.errorcode.items())[:5])
print(sorted(n for n in dir(errno) if n.startswith("E"))[:8])
print(sum(1 for n in dir(errno) if n.startswith("E")), max(errno.errorcode), min(errno.errorcode))
e = OSError(errno.ENOENT, "No such file or directory", "x.txt")
print(type(e).__name__, e.errno == errno.ENOENT, errno.errorcode[e.errno], e)
print(os.strerror(errno.EACCES), os.strerror(errno.ENOMEM))
print(isinstance(PermissionError(errno.EPERM, "nope"), OSError), FileExistsError(errno.EEXIST, "x").errno)
