import io
import json
import os
import tempfile
import zipfile

# an API returns a zip of JSON documents; people parse each member and keep the records
payload = io.BytesIO()
with zipfile.ZipFile(payload, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
    for shard in range(8):
        docs = [{"id": shard * 1000 + k, "name": f"user{k}", "tags": ["a", "b", "c"][: k % 3 + 1]} for k in range(1000)]
        zf.writestr(f"shard{shard}.json", json.dumps(docs))
raw = payload.getvalue()
print(zipfile.is_zipfile(io.BytesIO(raw)))

records = []
with zipfile.ZipFile(io.BytesIO(raw)) as zf:
    for name in zf.namelist():
        with zf.open(name) as f:
            records.extend(json.load(f))
print(len(records), records[1500]["name"])

outdir = tempfile.mkdtemp()
with zipfile.ZipFile(io.BytesIO(raw)) as zf:
    zf.extractall(outdir)
    print(sorted(os.listdir(outdir))[:3])
    print(zf.testzip(), [i.compress_size > 0 for i in zf.infolist()].count(True))
del records
