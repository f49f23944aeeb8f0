import io
import zipfile

# build an in-memory archive of CSV exports, then read every member back into a dict:
# does the whole archive plus every member stay in memory?
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    for month in range(1, 13):
        rows = [f"{month},{day},{day * 17 % 1000},item-{day * month}" for day in range(1, 6001)]
        zf.writestr(f"exports/2026-{month:02d}.csv", "\n".join(rows) + "\n")
archive = buf.getvalue()
print(len(archive) < 2_000_000)

with zipfile.ZipFile(io.BytesIO(archive)) as zf:
    names = zf.namelist()
    print(len(names), names[0], zf.getinfo(names[0]).file_size)
    members = {name: zf.read(name) for name in names}
print(sum(len(v) for v in members.values()))

del members
total = 0
with zipfile.ZipFile(io.BytesIO(archive)) as zf:
    for info in zf.infolist():
        with zf.open(info) as f:
            for line in f:
                total += 1
print(total)
del archive, buf
