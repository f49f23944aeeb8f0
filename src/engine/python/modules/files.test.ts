import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/**
 * The simulated file system, files, tempfile, os and mmap: what a script reads back is what it
 * wrote, errors are CPython's, and a mapped file's pages are RssFile (measured on 3.11.7 with
 * /proc/self/status: mapping a 2,418,000-byte file adds nothing, a find() that stops 1 MB in adds
 * 64 kB (fault-around), a scan to the end 2,364 kB; close() gives it all back; writing 4 MiB into an
 * anonymous mmap adds 4,096 kB to VmRSS and nothing to RssAnon: it is shmem).
 */
const STATUS = [
  'def st():',
  '    d = {}',
  '    with open("/proc/self/status") as f:',
  '        for line in f:',
  '            k, _, v = line.partition(":")',
  '            if k in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):',
  '                d[k] = int(v.split()[0])',
  '    return d',
];

describe('files on the simulated file system', () => {
  it('text and binary files round-trip; lines, iteration, append, os and tempfile agree', () => {
    const p = runAll(
      [
        'import os, tempfile',
        'path = os.path.join(tempfile.gettempdir(), "hw_t.txt")',
        'with open(path, "w") as f:',
        '    for i in range(3000):',
        '        f.write(f"{i},é{i % 7}\\n")',
        'with open(path, "a") as f:',
        '    f.write("end\\n")',
        'with open(path) as f:',
        '    lines = f.readlines()',
        'with open(path) as f:',
        '    n = sum(1 for _ in f)',
        'with open(path, "rb") as f:',
        '    raw = f.read()',
        'size = os.path.getsize(path)',
        'fd, tmp = tempfile.mkstemp(suffix=".bin")',
        'with os.fdopen(fd, "wb") as g:',
        '    g.write(b"x" * 10000)',
        'tsize = os.path.getsize(tmp)',
        'os.remove(tmp)',
        'gone = os.path.exists(tmp)',
        'first, last, count = lines[0], lines[-1], len(lines)',
        'nraw = len(raw)',
        'with tempfile.NamedTemporaryFile("w+", suffix=".txt") as t:',
        '    t.write("abc")',
        '    t.seek(0)',
        '    back = t.read()',
        '    tname = t.name',
        'tgone = os.path.exists(tname)',
      ].join('\n'),
    );
    expect(valueOf(p, 'count')).toBe('3001');
    expect(valueOf(p, 'n')).toBe('3001');
    expect(valueOf(p, 'first')).toBe("'0,é0\\n'");
    expect(valueOf(p, 'last')).toBe("'end\\n'");
    // "é" is 2 bytes in UTF-8: the file is bytes, not characters
    const chars = Array.from({ length: 3000 }, (_, i) => `${i},é${i % 7}\n`).join('') + 'end\n';
    const bytes = new TextEncoder().encode(chars).length;
    expect(valueOf(p, 'size')).toBe(String(bytes));
    expect(valueOf(p, 'nraw')).toBe(String(bytes));
    expect(valueOf(p, 'tsize')).toBe('10000');
    expect(valueOf(p, 'gone')).toBe('False');
    expect(valueOf(p, 'back')).toBe("'abc'");
    expect(valueOf(p, 'tgone')).toBe('False');
  });

  it("open()'s newline: universal reads, '' keeps the ends (csv's idiom), '\\r\\n' written and read (3.11.7's output)", () => {
    const p = runAll(
      [
        'p = "/tmp/hw_nl.txt"',
        'with open(p, "w", newline="\\r\\n") as f:',
        '    n = f.write("a\\nb\\n")',
        'with open(p, "rb") as f:',
        '    raw = f.read()',
        'with open(p) as f:',
        '    whole = f.read()',
        'with open(p, newline="") as f:',
        '    kept = f.readlines()',
        'with open(p, newline="\\r") as f:',
        '    cr = f.readlines()',
        'with open(p, "w", newline="") as f:',
        '    f.write("a\\rb\\r\\nc\\nd\\r")',
        'with open(p, newline="") as f:',
        '    u = f.readlines()',
        'with open(p) as f:',
        '    t = f.readlines()',
        'with open(p, newline="\\n") as f:',
        '    lf = f.readlines()',
        'with open(p, newline="\\r\\n") as f:',
        '    crlf = f.readlines()',
        'import csv',
        'with open(p, "w", newline="") as f:',
        '    w = csv.writer(f)',
        '    for i in range(3000):',
        '        w.writerow([i, f"name {i}"])',
        'with open(p, newline="") as f:',
        '    rows = list(csv.reader(f))',
        'last = rows[-1]',
        'nrows = len(rows)',
        'errs = []',
        'for kw in [dict(newline=1), dict(newline="x")]:',
        '    try:',
        '        open(p, "w", **kw)',
        '    except (TypeError, ValueError) as e:',
        '        errs.append(f"{type(e).__name__}: {e}")',
        'try:',
        '    open(p, "rb", newline="")',
        'except ValueError as e:',
        '    errs.append(str(e))',
      ].join('\n'),
    );
    expect(valueOf(p, 'n')).toBe('4');
    expect(valueOf(p, 'raw')).toBe("b'a\\r\\nb\\r\\n'");
    expect(valueOf(p, 'whole')).toBe("'a\\nb\\n'");
    expect(valueOf(p, 'kept')).toBe("['a\\r\\n', 'b\\r\\n']");
    expect(valueOf(p, 'cr')).toBe("['a\\r', '\\nb\\r', '\\n']");
    expect(valueOf(p, 'u')).toBe("['a\\r', 'b\\r\\n', 'c\\n', 'd\\r']");
    expect(valueOf(p, 't')).toBe("['a\\n', 'b\\n', 'c\\n', 'd\\n']");
    expect(valueOf(p, 'lf')).toBe("['a\\rb\\r\\n', 'c\\n', 'd\\r']");
    expect(valueOf(p, 'crlf')).toBe("['a\\rb\\r\\n', 'c\\nd\\r']");
    expect(valueOf(p, 'last')).toBe("['2999', 'name 2999']");
    expect(valueOf(p, 'nrows')).toBe('3000');
    expect(valueOf(p, 'errs')).toBe(
      "[\"TypeError: open() argument 'newline' must be str or None, not int\", 'ValueError: illegal newline value: x', \"binary mode doesn't take a newline argument\"]",
    );
  });

  it("a file the script did not write is CPython's FileNotFoundError", () => {
    const p = runAll(
      [
        'try:',
        '    open("/tmp/never_written.txt")',
        '    r = "opened"',
        'except FileNotFoundError as e:',
        '    r = str(e)',
      ].join('\n'),
    );
    expect(valueOf(p, 'r')).toBe('"[Errno 2] No such file or directory: \'/tmp/never_written.txt\'"');
  });

  it('/dev/null takes what is written and reads empty, as 3.11.7 does', () => {
    const p = runAll(
      [
        'import os',
        'with open(os.devnull, "w") as f:',
        '    for i in range(2000):',
        '        print(i, "x" * 50, file=f)',
        'with open("/dev/null", "rb") as g:',
        '    back = g.read()',
        'there = os.path.exists("/dev/null")',
        'try:',
        '    os.remove("/dev/null")',
        '    r = "removed"',
        'except PermissionError as e:',
        '    r = str(e)',
      ].join('\n'),
    );
    expect(valueOf(p, 'back')).toBe("b''");
    expect(valueOf(p, 'there')).toBe('True');
    expect(valueOf(p, 'r')).toBe('"[Errno 13] Permission denied: \'/dev/null\'"');
  });

  it("a big write to /dev/null reads nothing of calloc'd bytes; the same write to a file reads them in", () => {
    // 3.11.7: 0 and 1,952 kB (write_null reads nothing; a file's copy_from_user faults the 2 MB in)
    const p = runAll(
      [
        ...STATUS,
        'b = bytes(2_000_000)',
        'r0 = st()["VmRSS"]',
        'with open("/dev/null", "wb") as f:',
        '    f.write(b)',
        'r1 = st()["VmRSS"]',
        'with open("/tmp/hw_null_vs_file.bin", "wb") as f:',
        '    f.write(b)',
        'r2 = st()["VmRSS"]',
        'to_null = r1 - r0',
        'to_file = r2 - r1',
      ].join('\n'),
    );
    expect(valueOf(p, 'to_null')).toBe('0');
    // within a page of the real 1,952 kB (the int objects of the readings land in other pages here)
    expect(Math.abs(Number(valueOf(p, 'to_file')) - 1952)).toBeLessThanOrEqual(4);
  });

  it('a big readlines() holds every line as a str and the list, and they go at del', () => {
    const p = runAll(
      [
        'with open("/tmp/big.txt", "w") as f:',
        '    for i in range(50000):',
        '        f.write(f"{i:08d}\\n")',
        'with open("/tmp/big.txt") as f:',
        '    lines = f.readlines()',
      ].join('\n'),
    );
    // 50,000 strs of 9 characters (48 + 10 = 58 bytes, 64-byte blocks) and the list's 400 KB array
    const after = p.kernel.rss;
    p.exec('del lines');
    expect(after - p.kernel.rss).toBeGreaterThan(3_000_000);
  });
});

describe('mmap: file pages are RssFile, anonymous maps are shmem', () => {
  it('mapping, a find that stops part-way, a full scan and close move RssFile as measured', () => {
    const p = runAll(
      [
        ...STATUS,
        'import mmap, os, tempfile',
        'fd, path = tempfile.mkstemp(suffix=".log")',
        'with os.fdopen(fd, "wb") as f:',
        '    for i in range(300000):',
        '        f.write(b"INFO ok\\n" if i % 50 else b"ERROR boom\\n")',
        's0 = st()',
        'f = open(path, "rb")',
        'mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)',
        's1 = st()',
        'n = mm.find(b"ERROR", 1000000)',
        's2 = st()',
        'pos = mm.find(b"NOPE")',
        's3 = st()',
        'mm.close()',
        's4 = st()',
        'a = mmap.mmap(-1, 8 * 1024 * 1024)',
        'a[0:4 * 1024 * 1024] = b"x" * (4 * 1024 * 1024)',
        's5 = st()',
        'a.close()',
        's6 = st()',
        'size = len(b"") + os.path.getsize(path)',
      ].join('\n'),
    );
    const st = (name: string): Record<string, number> =>
      JSON.parse(valueOf(p, name).replace(/'/g, '"')) as Record<string, number>;
    const [s0, s1, s2, s3, s4, s5, s6] = ['s0', 's1', 's2', 's3', 's4', 's5', 's6'].map(st);
    expect(valueOf(p, 'size')).toBe('2418000');
    expect(valueOf(p, 'n')).toBe('1000246');
    expect(valueOf(p, 'pos')).toBe('-1');
    expect(s1.RssFile - s0.RssFile).toBe(0);
    expect(s2.RssFile - s1.RssFile).toBe(64);
    // the whole file: 591 pages = 2,364 kB (measured: 9,036 − 6,672)
    expect(s3.RssFile - s0.RssFile).toBe(2364);
    expect(s3.RssAnon - s0.RssAnon).toBeLessThan(64);
    expect(s4.RssFile).toBe(s0.RssFile);
    expect(s5.VmRSS - s4.VmRSS).toBeGreaterThanOrEqual(4096);
    expect(s5.RssShmem - s4.RssShmem).toBe(4096);
    expect(s6.RssShmem).toBe(0);
  });
});
