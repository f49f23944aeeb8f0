import ipaddress
import locale

# an "inventory" of every host of a few subnets, kept as address objects, then reduced
locale.setlocale(locale.LC_ALL, "")
print(locale.getpreferredencoding(), locale.getlocale())

subnets = [ipaddress.ip_network(f"10.{i}.0.0/20") for i in range(6)]
hosts = [h for net in subnets for h in net.hosts()]
print(len(hosts), hosts[0], hosts[-1])

private = sum(1 for h in hosts[:3000] if h.is_private)
print("private", private)

by_net = {}
for h in hosts:
    by_net.setdefault(ipaddress.ip_network(f"{h}/24", strict=False), []).append(h)
print(len(by_net), min(by_net))

v6 = [ipaddress.IPv6Address(0x20010DB8 << 96 | i) for i in range(20000)]
print(v6[5], v6[-1].exploded)

del hosts
print(locale.format_string("%d hosts left in %d nets", (sum(len(v) for v in by_net.values()), len(by_net)), grouping=True))
by_net.clear()
del v6
