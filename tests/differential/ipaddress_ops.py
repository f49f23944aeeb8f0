import ipaddress
a = ipaddress.ip_address('192.168.1.10')
print(a, repr(a), int(a), a.is_private, a.packed, a.reverse_pointer)
n = ipaddress.ip_network('10.0.0.0/24')
print(n, n.num_addresses, n.broadcast_address, n.hostmask, n.netmask, n.with_netmask)
hosts = list(n.hosts())
print(len(hosts), hosts[0], hosts[-1])
print(list(n.subnets(new_prefix=26)))
print(n.supernet(), a in n, ipaddress.IPv4Address('10.0.0.5') in n)
v6 = ipaddress.ip_address('2001:db8::1')
print(v6, v6.exploded, v6.is_private, ipaddress.ip_address('::ffff:192.0.2.1').ipv4_mapped)
print(ipaddress.ip_network('2001:db8::/126'), list(ipaddress.ip_network('2001:db8::/126').hosts()))
print(list(ipaddress.collapse_addresses([ipaddress.ip_network('192.0.2.0/25'), ipaddress.ip_network('192.0.2.128/25')])))
print(format(a, '#x'), format(a, 'b'), f'{a:>20s}')
i = ipaddress.ip_interface('192.168.0.5/24')
print(i, i.network, i.ip, i.with_netmask)
for bad in ['1.2.3', '256.1.1.1', '01.2.3.4', '::1::2', 'x']:
    try:
        ipaddress.ip_address(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    ipaddress.IPv4Network('10.0.0.1/24')
except ValueError as e:
    print(e)
print(sorted([ipaddress.ip_address('10.0.0.3'), ipaddress.ip_address('10.0.0.1')]))
print(list(ipaddress.ip_network('192.0.2.0/28').address_exclude(ipaddress.ip_network('192.0.2.1/32'))))
n6 = ipaddress.ip_network('fe80::/64')
print(n6.is_link_local, n6.is_private, n6.exploded, n6[3], n6[-1], n6.num_addresses)
print(ipaddress.ip_address('fe80::1%eth0'), hash(ipaddress.ip_address('10.1.2.3')) == hash(ipaddress.ip_address('10.1.2.3')))
print(ipaddress.ip_address(3232235786) + 5, ipaddress.ip_address('10.0.0.0') - 1, ipaddress.IPv4Address(b'\x7f\x00\x00\x01'))
print(list(ipaddress.summarize_address_range(ipaddress.ip_address('192.0.2.0'), ipaddress.ip_address('192.0.2.130'))))
print(ipaddress.ip_network('10.0.0.0/8').overlaps(ipaddress.ip_network('10.1.0.0/16')), ipaddress.ip_network('10.1.0.0/16').subnet_of(ipaddress.ip_network('10.0.0.0/8')))
print({ipaddress.ip_network('10.0.0.0/8'): 1}[ipaddress.ip_network('10.0.0.0/8')], ipaddress.ip_network('192.168.0.0/255.255.0.0'), ipaddress.ip_network('10.0.0.0/0.0.0.255'))
print(ipaddress.ip_address('8.8.8.8').is_global, ipaddress.ip_address('100.64.0.1').is_global, ipaddress.ip_address('224.0.0.1').is_multicast, ipaddress.ip_address('127.0.0.1').is_loopback)
print(ipaddress.ip_address('2002:c000:204::1').sixtofour, ipaddress.ip_address('::').is_unspecified, ipaddress.ip_address('1:2:3:4:5:6:7:8'), ipaddress.ip_address('1:0:0:4:0:0:0:8'))
for bad in ['10.0.0.0/33', '10.0.0.0/255.0.255.0', '1.2.3.4/8/2']:
    try:
        ipaddress.ip_network(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in ['1.2.3.4/24', 1 << 40]:
    try:
        ipaddress.IPv4Address(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(sorted({ipaddress.ip_address('10.0.0.%d' % i) for i in range(5)}))
