# title: f-strings building many strings
#
# Issue 7: f-strings. 300,000 formatted CSV lines, each built by an f-string
# with format specs (width, precision, repr), then joined into one report and
# split again. Every line is a new str object of about 40 characters.
rows = [(i, "item%d" % (i % 1000), i * 0.37) for i in range(300000)]
lines = [f"{idx:08d},{name!r},{price:.2f},{price * 1.2:>10.3f}" for idx, name, price in rows]
report = "\n".join(lines)
again = report.splitlines()
del rows
del lines
del again
del report
