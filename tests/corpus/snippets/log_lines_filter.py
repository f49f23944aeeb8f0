levels = ["DEBUG", "INFO", "WARNING", "ERROR"]
log = [f"2024-01-{(i % 28) + 1:02d} 12:{i % 60:02d}:00 {levels[i % 4]} request {i} took {i % 1000} ms" for i in range(300000)]

errors = [line for line in log if " ERROR " in line]
slow = [line for line in log if int(line.rsplit(" ", 2)[1]) > 900]
print(len(errors), len(slow))
del log
print(errors[0])
