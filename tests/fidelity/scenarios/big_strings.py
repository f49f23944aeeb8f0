# title: 1 KB strings come back where 800-byte buffers did not
#
# Each string here is a little over 1,000 characters, a glibc chunk of about
# 1,072 bytes: just too big for tcache (largest chunk 1,040) and for
# fastbins. So unlike the seed's 800-byte list buffers, every free coalesces
# with its neighbour at once and nothing parks "in use" at the top of the
# heap. The list deallocates its items last to first, the free run reaches
# the top chunk, and glibc trims the heap back.
big = ['x' * 1000 + str(i) for i in range(100000)]
n = sum(len(t) for t in big)
del big
