"""Which Python-level reads of never-written memory fault pages in (issue 7, reads-14).

One fresh process per case: make the source object, read VmRSS, run the statement, read VmRSS,
drop its result `r`, read VmRSS again. What stays is the read faults (and the statement's own
small objects). Run under the reference interpreter, never from a directory whose scripts shadow
the stdlib:

    PYTHONHASHSEED=0 $(pyenv root)/versions/3.11.7/bin/python3.11 measure_reads.py SOURCE:OP [N]
    python3 measure_reads.py --table [N]   # every case, one child each, as docs/read-faults.md's rows
"""
import sys, os, mmap, array, hashlib, zlib, subprocess, tempfile
def rss():
    with open('/proc/self/status') as f:
        for l in f:
            if l.startswith('VmRSS'): return int(l.split()[1])
setup = {
 'bytes': 'src = bytes(N)',
 'bytearray': 'src = bytearray(N)',
 'mulbytes': "src = b'\\0' * N",
 'mulstr': "src = ' ' * N",
 'mmap': 'src = mmap.mmap(-1, N)',
 'bytes2': 'src = bytes(N); other = bytes(N)',
}
ops = {
 'none': 'r = None',
 'count': "r = src.count(b'x')",
 'find': "r = src.find(b'x')",
 'find1': "r = src.find(b'xy')",
 'in': "r = b'x' in src",
 'decode': "r = src.decode('latin-1')",
 'decodeascii': "r = src.decode('ascii')",
 'hash': 'r = hash(src)',
 'eq': 'r = src == other',
 'eqself': 'r = src == bytes(src)',
 'tobytes': 'r = bytes(src)',
 'tobytearray': 'r = bytearray(src)',
 'slice2': 'r = src[::2]',
 'slice': 'r = src[:]',
 'sliceh': 'r = src[:N//2]',
 'iter': 'for r in src: pass',
 'sum': 'r = sum(src)',
 'write': "f = open('/dev/null', 'wb'); f.write(src); f.close(); r = None",
 'tolist': 'r = memoryview(src).tolist()',
 'arrayd': "r = array.array('d', src)",
 'strcount': "r = src.count('x')",
 'strfind': "r = src.find('x')",
 'strin': "r = 'x' in src",
 'strencode': "r = src.encode()",
 'mmapfind': "r = src.find(b'x')",
 'mmapread': "r = src.read()",
 'mmapslice': "r = src[:]",
 'mmapbyte': "r = sum(src[i] for i in range(0, N, 4096))",
 'max': 'r = max(src)',
 'md5': 'r = hashlib.md5(src).digest()',
 'crc': 'r = zlib.crc32(src)',
 'translate': 'r = src.translate(None)',
 'upper': 'r = src.upper()',
 'strip': 'r = src.strip()',
 'split': 'r = src.split()',
 'replace': "r = src.replace(b'x', b'y')",
 'startswith': "r = src.endswith(b'x')",
 'rfind': "r = src.rfind(b'x')",
 'index0': "r = src[N-1]",
 'isalnum': "r = src.isalnum()",
 'join': "r = b''.join([src])",
 'ljust': 'r = src.hex()',
 'mvtobytes': 'r = memoryview(src).tobytes()',
 'fwritefile': "f = open(OUT, 'wb'); f.write(src); f.close(); r = None",
 'join2': "r = b''.join([src, src])",
 'compress': 'r = zlib.compress(src)',
 'bytesio': 'import io\nr = io.BytesIO(src)',
 'bytesioread': 'import io\nr = io.BytesIO(src).read()',
 'frombytes': "r = int.from_bytes(src, 'little')",
 'pickle': 'import pickle\nr = pickle.dumps(src)',
 'b64': 'import base64\nr = base64.b64encode(src)',
 'struct': "import struct\nr = struct.unpack_from('<Q', src, 4_000_000)",
 'mvidx': 'r = memoryview(src)[5000]',
 'mvslice': 'r = bytes(memoryview(src)[:N//2])',
 'copyadd': 'r = src + b"x"',
}
CASES = [f'bytes:{o}' for o in ops if o != 'eq' and not o.startswith(('str', 'mmap'))] + [
    'bytes2:eq', 'bytearray:count', 'bytearray:tobytes', 'mulbytes:count', 'mulstr:strcount', 'mulstr:strencode',
    'mmap:mmapfind', 'mmap:mmapread', 'mmap:mmapslice', 'mmap:mmapbyte',
]


def run(case, n):
    g = {'N': n, 'mmap': mmap, 'array': array, 'hashlib': hashlib, 'zlib': zlib,
         'OUT': os.path.join(tempfile.gettempdir(), f'hw-reads-{os.getpid()}.bin')}
    s, o = case.split(':')
    exec(setup[s], g)
    a = rss()
    exec(ops[o], g)
    b = rss()
    g.pop('r', None)
    c = rss()
    if os.path.exists(g['OUT']):
        os.unlink(g['OUT'])
    return a, b - a, c - a


if __name__ == '__main__':
    if sys.argv[1] == '--table':
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000_000
        print(f'| case (N = {n:,}) | statement | VmRSS during (KB) | left after `r` is dropped (KB) |')
        print('|---|---|---|---|')
        for case in CASES:
            out = subprocess.run([sys.executable, __file__, case, str(n)], capture_output=True, text=True)
            if out.returncode:
                print(f'| {case} | `{ops[case.split(":")[1]]}` | error | {out.stderr.strip().splitlines()[-1]} |')
                continue
            _, during, left = out.stdout.split()
            src = setup[case.split(':')[0]]
            stmt = ops[case.split(':')[1]].replace('\n', '; ').replace('|', '\\|')
            print(f'| `{src}` | `{stmt}` | {during} | {left} |')
    else:
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 8_000_000
        _, during, left = run(sys.argv[1], n)
        print(sys.argv[1], during, left)
