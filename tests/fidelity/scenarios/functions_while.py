# title: A helper function called in a while loop
#
# make(n) returns a fresh list; the loop keeps a growing list of results and
# drops every other one as it goes, so the heap fills with alternating live
# and free chunks of growing size. Free chunks of different sizes land in
# different bins and are reused only when a request fits.
def make(n):
    return [0] * n
out = []
i = 0
while i < 2000:
    out.append(make(i * 10))
    if i % 2 == 1:
        out[i - 1] = None
    i += 1
del out
