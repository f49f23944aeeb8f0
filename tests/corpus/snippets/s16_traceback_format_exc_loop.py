import traceback

def parse(value):
    return int(value)

def process(items):
    errors = []
    for item in items:
        try:
            parse(item)
        except ValueError:
            errors.append(traceback.format_exc())
    return errors

items = [str(i) if i % 4 else f"bad{i}" for i in range(40000)]
errors = process(items)
print(len(errors))
print(errors[0].splitlines()[-1])

class Job:
    def __init__(self, n):
        self.data = list(range(n))

def run(job):
    raise RuntimeError(f"job with {len(job.data)} items failed")

kept = []
for i in range(300):
    try:
        run(Job(1000))
    except RuntimeError as exc:
        kept.append(exc)
print(len(kept), kept[0])

summaries = [traceback.extract_tb(e.__traceback__)[-1].name for e in kept]
print(summaries[0])

for e in kept:
    e.__traceback__ = None
del kept, errors, items
print(len(summaries))
