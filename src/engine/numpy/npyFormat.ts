import { NotSupported } from '../python/errors';
import { bytesNew } from '../python/objects/bytes';
import { builtinStatic } from '../python/objects/descr';
import { moduleData } from '../python/objects/module';
import { strValue } from '../python/objects/str';
import { Meth, type MethodDef } from '../python/objects/types';
import { partName, runPythonPart } from '../python/modules/pythonpart';
import { intArg } from './args';
import { requireValues, valueAt } from './elements';
import { encode, fToC } from './layout';
import type { NumpyRuntime } from './module';
import { headerLiteral } from './npyHeader';
import { bufferNever } from './nditer';
import { fileStateOf } from './npyFile';

/**
 * np.save and np.load (npyio.py) over format.py's write_array / read_array, NumPy 1.24.2, run as
 * Python through the eval loop so each object they make is a real allocation: the header str built
 * from the sorted dict's reprs and padded to 64 bytes (plus 21 − len(repr(shape[0])) spaces to
 * grow in place), encoded and joined to the magic; the data
 *  - to a real file (FileIO, BufferedReader/Writer: format.isfileobj) in one ndarray.tofile;
 *  - to anything else with write() (BytesIO) in chunks of 16 MiB // itemsize elements, each
 *    chunk.tobytes() written and dropped (numpy.nditer with external_loop and buffered: an array
 *    whose strides chain into one (BUFNEVER) is never copied into the iterator's buffer; another
 *    is, through a buffer of min(buffersize, size) elements kept for the whole loop).
 * load reads the magic and seeks back, reads the header through _read_bytes, and the data with
 * np.fromfile from a real file, else into np.ndarray(count) 256 KiB at a time (a bytes object per
 * read, np.frombuffer on it assigned into the slice), then sets the shape in place.
 * The text is ours, written from what format.py does. Not modelled (refused): .npz archives
 * (savez, np.load of a zip), object arrays (pickled), format versions 2.0/3.0 (headers over 64 KiB),
 * mmap_mode. _filter_header's tokenize pass and literal_eval's AST are not replayed.
 */
const SOURCE = `
import os
import struct

MAGIC_PREFIX = b'\\x93NUMPY'
MAGIC_LEN = len(MAGIC_PREFIX) + 2
ARRAY_ALIGN = 64
BUFFER_SIZE = 2**18
GROWTH_AXIS_MAX_DIGITS = 21
_MAX_HEADER_SIZE = 10000
_header_size_info = {(1, 0): ('<H', 'latin1'), (2, 0): ('<I', 'latin1'), (3, 0): ('<I', 'utf8')}

def _wrap_header(header, version):
    fmt, encoding = _header_size_info[version]
    header = header.encode(encoding)
    hlen = len(header) + 1
    padlen = ARRAY_ALIGN - ((MAGIC_LEN + struct.calcsize(fmt) + hlen) % ARRAY_ALIGN)
    if hlen + padlen > 65535:
        _unsupported('np.save of an array whose .npy header passes 64 KiB (format 2.0)')
    header_prefix = MAGIC_PREFIX + bytes([version[0], version[1]]) + struct.pack(fmt, hlen + padlen)
    return header_prefix + header + b' ' * padlen + b'\\n'

def _write_array_header(fp, d):
    header = ["{"]
    for key, value in sorted(d.items()):
        header.append("'%s': %s, " % (key, repr(value)))
    header.append("}")
    header = "".join(header)
    shape = d['shape']
    header += " " * ((GROWTH_AXIS_MAX_DIGITS - len(repr(
        shape[-1 if d['fortran_order'] else 0]
    ))) if len(shape) > 0 else 0)
    fp.write(_wrap_header(header, (1, 0)))

def _header_data(array):
    d = {'shape': array.shape}
    if array.flags.c_contiguous:
        d['fortran_order'] = False
    elif array.flags.f_contiguous:
        d['fortran_order'] = True
    else:
        d['fortran_order'] = False
    if array.dtype.names is not None:
        d['descr'] = array.dtype.descr
    else:
        d['descr'] = array.dtype.str
    return d

def _write_chunks(fp, array, buffersize, order):
    n = array.size
    buffer = None
    if _needs_buffer(array, order):
        buffer = empty(min(buffersize, n), array.dtype)
    for start in range(0, n, buffersize):
        fp.write(_chunk_bytes(array, start, buffersize, order))
    del buffer

def write_array(fp, array, version=None, allow_pickle=True, pickle_kwargs=None):
    _write_array_header(fp, _header_data(array))
    if array.itemsize == 0:
        buffersize = 0
    else:
        buffersize = max(16 * 1024 ** 2 // array.itemsize, 1)
    if array.dtype.hasobject:
        if not allow_pickle:
            raise ValueError("Object arrays cannot be saved when allow_pickle=False")
        _unsupported('np.save of an object array (pickled)')
    elif array.flags.f_contiguous and not array.flags.c_contiguous:
        if _isfileobj(fp):
            array.T.tofile(fp)
        elif buffersize:
            _write_chunks(fp, array, buffersize, 'F')
    else:
        if _isfileobj(fp):
            array.tofile(fp)
        elif buffersize:
            _write_chunks(fp, array, buffersize, 'C')

def _read_bytes(fp, size, error_template="ran out of data"):
    data = bytes()
    while True:
        r = fp.read(size - len(data))
        data += r
        if len(r) == 0 or len(data) == size:
            break
    if len(data) != size:
        msg = "EOF: reading %s, expected %d bytes got %d"
        raise ValueError(msg % (error_template, size, len(data)))
    return data

def read_magic(fp):
    magic_str = _read_bytes(fp, MAGIC_LEN, "magic string")
    if magic_str[:-2] != MAGIC_PREFIX:
        msg = "the magic string is not correct; expected %r, got %r"
        raise ValueError(msg % (MAGIC_PREFIX, magic_str[:-2]))
    major, minor = magic_str[-2:]
    return major, minor

def _read_array_header(fp, version, max_header_size=_MAX_HEADER_SIZE):
    hinfo = _header_size_info.get(version)
    if hinfo is None:
        raise ValueError("Invalid version {!r}".format(version))
    hlength_type, encoding = hinfo
    hlength_str = _read_bytes(fp, struct.calcsize(hlength_type), "array header length")
    header_length = struct.unpack(hlength_type, hlength_str)[0]
    header = _read_bytes(fp, header_length, "array header")
    header = header.decode(encoding)
    if len(header) > max_header_size:
        raise ValueError("Header info length (%d) is large and may not be safe to load securely." % len(header))
    d = _header_literal(header)
    if not isinstance(d, dict):
        raise ValueError("Header is not a dictionary: {!r}".format(d))
    if sorted(d.keys()) != ['descr', 'fortran_order', 'shape']:
        raise ValueError("Header does not contain the correct keys: {!r}".format(sorted(d.keys())))
    if not isinstance(d['shape'], tuple) or not all(isinstance(x, int) for x in d['shape']):
        raise ValueError("shape is not valid: {!r}".format(d['shape']))
    if not isinstance(d['fortran_order'], bool):
        raise ValueError("fortran_order is not a valid bool: {!r}".format(d['fortran_order']))
    dt = dtype(d['descr'])
    return d['shape'], d['fortran_order'], dt

def read_array(fp, allow_pickle=False, pickle_kwargs=None, *, max_header_size=_MAX_HEADER_SIZE):
    version = read_magic(fp)
    if version not in [(1, 0), (2, 0), (3, 0)]:
        raise ValueError("we only support format version (1,0), (2,0), and (3,0), not %s" % (version,))
    shape, fortran_order, dt = _read_array_header(fp, version, max_header_size=max_header_size)
    if len(shape) == 0:
        count = 1
    else:
        count = prod(shape, dtype=int64)
    if dt.hasobject:
        if not allow_pickle:
            raise ValueError("Object arrays cannot be loaded when allow_pickle=False")
        _unsupported('np.load of an object array (pickled)')
    if _isfileobj(fp):
        array = fromfile(fp, dtype=dt, count=count)
    else:
        max_read_count = BUFFER_SIZE // min(BUFFER_SIZE, dt.itemsize)
        array = ndarray(count, dtype=dt)
        if dt.itemsize > 0:
            for i in range(0, count, max_read_count):
                read_count = min(max_read_count, count - i)
                read_size = int(read_count * dt.itemsize)
                data = _read_bytes(fp, read_size, "array data")
                array[i:i+read_count] = frombuffer(data, dtype=dt, count=read_count)
    if fortran_order:
        array.shape = shape[::-1]
        array = array.transpose()
    else:
        array.shape = shape
    return array

def save(file, arr, allow_pickle=True, fix_imports=True):
    own = False
    if hasattr(file, 'write'):
        fid = file
    else:
        file = os.fspath(file)
        if not file.endswith('.npy'):
            file = file + '.npy'
        fid = open(file, "wb")
        own = True
    try:
        arr = asanyarray(arr)
        write_array(fid, arr, allow_pickle=allow_pickle)
    finally:
        if own:
            fid.close()

def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding='ASCII', *, max_header_size=_MAX_HEADER_SIZE):
    if encoding not in ('ASCII', 'latin1', 'bytes'):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    own = False
    if hasattr(file, 'read'):
        fid = file
    else:
        fid = open(os.fspath(file), "rb")
        own = True
    try:
        N = len(MAGIC_PREFIX)
        magic = fid.read(N)
        fid.seek(-min(N, len(magic)), 1)
        if magic.startswith(b'PK\\x03\\x04') or magic.startswith(b'PK\\x05\\x06'):
            _unsupported('np.load of an .npz archive')
        elif magic == MAGIC_PREFIX:
            if mmap_mode:
                _unsupported('np.load(mmap_mode=...)')
            return read_array(fid, allow_pickle=allow_pickle, max_header_size=max_header_size)
        else:
            if not allow_pickle:
                raise ValueError("Cannot load file containing pickled data when allow_pickle=False")
            _unsupported('np.load of a pickle')
    finally:
        if own:
            fid.close()
`;

/** The module functions the Python text reads (format.py's and npyio.py's namespace). */
const NAMES = ['empty', 'asanyarray', 'frombuffer', 'fromfile', 'prod', 'int64', 'ndarray', 'dtype'];

/** Runs the Python part (with its native helpers) and adds save and load to numpy's attributes. */
export function installNpyFormat(rt: NumpyRuntime, add: (name: string, h: number) => void): void {
  const vm = rt.vm;
  const attrs = moduleData(vm, rt.module).attrs;
  const names: Record<string, number> = {};
  for (const n of NAMES) {
    const h = attrs.get(n);
    if (h === undefined) throw new Error(`internal: np.${n} missing for the Python part`);
    names[n] = h;
  }
  const native = (name: string, flags: number, impl: MethodDef['impl']): void => {
    names[name] = builtinStatic(
      vm,
      { name, qualname: `numpy.lib.format.${name}`, flags, impl },
      'numpy.lib.format',
    );
  };
  // format.isfileobj: io.FileIO, io.BufferedReader, io.BufferedWriter (not BufferedRandom)
  native('_isfileobj', Meth.O, (v, _s, a) => {
    const kind = fileStateOf(v, a[0])?.kind;
    const b = v.s.bool(kind === 'FileIO' || kind === 'BufferedReader' || kind === 'BufferedWriter');
    v.incref(b);
    return b;
  });
  native('_header_literal', Meth.O, (v, _s, a) => headerLiteral(v, strValue(v, a[0])));
  native('_unsupported', Meth.O, (v, _s, a) => {
    throw new NotSupported(strValue(v, a[0]));
  });
  native('_chunk_bytes', Meth.Varargs, (v, _s, a) =>
    chunkBytes(rt, a[0], intArg(v, a[1], 'start'), intArg(v, a[2], 'count'), strValue(v, a[3]) === 'F'),
  );
  // the iterator's buffer: the operand's strides in iteration order do not chain (not BUFNEVER)
  native('_needs_buffer', Meth.Varargs, (v, _s, a) => {
    const A = rt.arrays;
    const f = strValue(v, a[1]) === 'F';
    const shape = f ? [...A.shape(a[0])].reverse() : A.shape(a[0]);
    const strides = f ? [...A.strides(a[0])].reverse() : A.strides(a[0]);
    const b = v.s.bool(!bufferNever(shape, strides, shape));
    v.incref(b);
    return b;
  });
  const globals = runPythonPart(vm, 'numpy.lib.format', SOURCE, names);
  for (const n of ['save', 'load']) {
    const f = partName(vm, globals, n);
    vm.incref(f);
    add(n, f);
  }
}

/**
 * One chunk of nditer's external loop turned into bytes (chunk.tobytes('C')): elements
 * [start, start + count) in C or Fortran order, one PyBytes of their size.
 */
function chunkBytes(rt: NumpyRuntime, h: number, start: number, count: number, fortran: boolean): number {
  const A = rt.arrays;
  const n = Math.min(count, A.size(h) - start);
  requireValues(A, h, 'np.save');
  if (start === 0) A.readAll(h);
  const shape = A.shape(h);
  const value = fortran
    ? (k: number) => valueAt(A, h, fToC(shape, start + k))
    : (k: number) => valueAt(A, h, start + k);
  return bytesNew(rt.vm, encode(A.dtype(h), n, value));
}
