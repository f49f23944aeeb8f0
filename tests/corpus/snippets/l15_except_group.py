import resource, sys

def parse(i):
    if i % 7 == 0:
        raise ValueError(f"bad {i}")
    if i % 11 == 0:
        raise KeyError(i)
    return i * 2

errors = []
for batch in range(200):
    excs = []
    for i in range(batch * 50, batch * 50 + 50):
        try:
            parse(i)
        except (ValueError, KeyError) as e:
            excs.append(e)
    try:
        raise ExceptionGroup(f"batch {batch}", excs)
    except* ValueError as eg:
        errors.append(len(eg.exceptions))
    except* KeyError as eg:
        errors.append(-len(eg.exceptions))
print(len(errors), sum(errors))
maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(maxrss > 1000)
del errors
