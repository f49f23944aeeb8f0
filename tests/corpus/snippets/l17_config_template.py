import configparser
from string import Template

cfg = configparser.ConfigParser()
cfg.read_string("""
[server]
host = example.org
port = 8080
[paths]
root = /srv/app
logs = ${root}/logs
""")
print(cfg["server"]["host"], cfg.getint("server", "port"))
print(sorted(cfg.sections()))

tpl = Template("GET $path HTTP/1.1\nHost: $host\n")
requests = [tpl.substitute(path=f"/item/{i}", host=cfg["server"]["host"]) for i in range(50_000)]
print(len(requests), requests[-1].splitlines()[0])
sizes = {}
for r in requests:
    sizes[len(r)] = sizes.get(len(r), 0) + 1
print(sorted(sizes.items())[:3])
del requests
