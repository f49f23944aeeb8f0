import configparser

CONFIG = """
[DEFAULT]
timeout = 30
retries = 3
compression = yes

[database]
host = db.internal
port = 5432
user = app
pool_size = 10

[cache]
backend = memory
max_entries = 50000
timeout = 5

[logging]
level = INFO
path = /var/log/app/%(level)s.log
"""

config = configparser.ConfigParser()
config.read_string(CONFIG)

print(config.sections())
db = config["database"]
print(db["host"], db.getint("port"), db.getint("timeout"), db.getboolean("compression"))
print(config.get("logging", "path"))
print(config.getint("cache", "max_entries"), config["cache"]["timeout"])

for i in range(200):
    name = f"worker.{i}"
    config[name] = {"queue": f"q{i % 8}", "concurrency": str(1 + i % 4)}

total = sum(config.getint(s, "concurrency") for s in config.sections() if s.startswith("worker."))
print("workers:", len(config.sections()) - 3, "concurrency:", total)
print(dict(config["worker.7"]))
