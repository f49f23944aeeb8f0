# zipfile: writing and reading members over BytesIO, ZipInfo, streams, errors.
import io
import zipfile


def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__name__}: {e}"


buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as zf:
    zf.writestr("a.txt", "alpha\nbeta\ngamma\n")
    zf.writestr("dir/b.bin", b"\x00\x01" * 1000, compress_type=zipfile.ZIP_DEFLATED)
    info = zipfile.ZipInfo("c.txt", date_time=(2020, 5, 17, 12, 30, 44))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, "x" * 5000, compresslevel=9)
    zf.mkdir("empty")
    with zf.open("d.txt", "w") as w:
        w.write(b"written ")
        w.write(b"in parts")
    print(zf.namelist())
data = buf.getvalue()
print(len(data), data[:4], zipfile.is_zipfile(io.BytesIO(data)), zipfile.is_zipfile(io.BytesIO(b"nope")))
zf = zipfile.ZipFile(io.BytesIO(data))
print(zf.namelist(), [i.file_size for i in zf.infolist()], [i.compress_type for i in zf.infolist()])
ci = zf.getinfo("c.txt")
print(ci.date_time, ci.file_size, ci.compress_size < 100, ci.CRC, ci.is_dir(), zf.getinfo("empty/").is_dir())
print(repr(zf.getinfo("a.txt")))
print(repr(zf.getinfo("empty/")))
print(zf.read("a.txt"), len(zf.read("dir/b.bin")), zf.read("d.txt"))
with zf.open("a.txt") as f:
    print(f.readline(), f.read(3), f.readlines(), f.read())
with zf.open("c.txt") as f:
    print(f.read(10), f.seek(4990), f.read(), f.tell(), f.seek(0), f.read(2))
with zf.open("dir/b.bin") as f:
    print(len(f.read1(100)), f.peek(3)[:3], len(f.read()))
print(attempt(lambda: zf.read("missing")), attempt(lambda: zf.open("a.txt", "x")))
print(attempt(lambda: zipfile.ZipFile(io.BytesIO(b"not a zip file at all"))))
print(attempt(lambda: zipfile.ZipFile(io.BytesIO(), "q")))
print(zf.testzip(), zf.comment, zf.filename)
zf.close()
print(attempt(lambda: zf.read("a.txt")))
bad = bytearray(data)
bad[bad.index(b"alpha")] ^= 1
print(attempt(lambda: zipfile.ZipFile(io.BytesIO(bytes(bad))).read("a.txt")))
print(zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.BadZipFile is zipfile.BadZipfile, zipfile.error.__name__)
