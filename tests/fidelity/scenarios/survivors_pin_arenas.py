# title: One survivor per arena keeps the arena
#
# A million one-item lists use 64-byte blocks for the headers and 16-byte
# blocks for the items, spread over about 80 arenas. Keeping every 1000th
# list (a[::1000] copies only the references) leaves one or two live blocks
# in nearly every arena. pymalloc can only unmap an arena when every pool in
# it is empty, so after `del a` almost all arenas stay mapped: the memory is
# free for Python to reuse but not returned to the kernel. Dropping the
# survivors lets the arenas go.
a = [[i] for i in range(1000000)]
keep = a[::1000]
del a
del keep
