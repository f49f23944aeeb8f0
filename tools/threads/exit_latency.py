import threading, ctypes, time, statistics
box={}
ev=threading.Event()
def w(): box['nid']=threading.get_native_id(); box['id']=threading.get_ident(); ev.wait()
t=threading.Thread(target=w); t.start(); time.sleep(0.01)
pd=box['id']
off=[o for o in range(0,2048,4) if ctypes.c_int.from_address(pd+o).value==box['nid']]
print('offsets', off)
ev.set(); t.join()
OFF=off[0]
def run(work):
    lat=[]
    for i in range(200):
        t=threading.Thread(target=work); t.start(); t.join()
        pd=t.ident; t0=time.perf_counter_ns(); n=0
        while ctypes.c_int.from_address(pd+OFF).value!=0: n+=1
        lat.append((time.perf_counter_ns()-t0)/1000)
    lat.sort()
    return [round(lat[int(q*len(lat))-1 if q==1 else int(q*len(lat))],1) for q in (0,0.1,0.25,0.5,0.75,0.9,1)]
print('pass', run(lambda: None))
print('work', run(lambda: [str(i) for i in range(20000)]))
