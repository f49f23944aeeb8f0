# title: A text report written into io.StringIO, then split into lines
import io

buf = io.StringIO()
for i in range(80000):
    buf.write("item %d: %s\n" % (i, "ok" if i % 5 else "retry"))
report = buf.getvalue()
lines = report.splitlines()
buf.close()
del buf
shout = [line.upper().replace("ITEM", "#") for line in lines if "retry" in line]
del lines, report
del shout
