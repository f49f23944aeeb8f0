import threading, sys
def stacks():
    n=0
    for l in open('/proc/self/maps'):
        a,b=l.split()[0].split('-')
        if int(b,16)-int(a,16)==8388608 and l.split()[1].startswith('rw'): n+=1
    return n
mode=sys.argv[1]
def w(n):
    b = bytearray(n); x=[i for i in range(n//100)]
out=[]
if mode=='seq':
    ts=[threading.Thread(target=w, args=(200000*(i+1),)) for i in range(4)]
    for t in ts: t.start(); out.append(stacks())
    for t in ts: t.join()
    out.append(stacks())
elif mode=='join':
    for i in range(6):
        t=threading.Thread(target=w, args=(1000,)); t.start(); t.join(); out.append(stacks())
elif mode=='pool':
    def w2(n):
        local=[str(i)*10 for i in range(100000)]
    ts=[threading.Thread(target=w2, args=(i,)) for i in range(6)]
    for t in ts: t.start(); out.append(stacks())
    for t in ts: t.join()
    out.append(stacks())
print(mode, out)
