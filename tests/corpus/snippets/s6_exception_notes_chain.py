import traceback


class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"invalid {field}: {value!r}")
        self.field = field
        self.value = value


def validate(record):
    try:
        return int(record["age"])
    except (KeyError, ValueError) as exc:
        err = ValidationError("age", record.get("age"))
        err.add_note(f"record id {record.get('id')}")
        raise err from exc


records = [{"id": i, "age": str(i) if i % 10 else "n/a"} for i in range(50000)]
records.append({"id": -1})
failures = []
ok = 0
for r in records:
    try:
        validate(r)
        ok += 1
    except ValidationError as e:
        failures.append(e)
print(ok, len(failures))
last = failures[-1]
print(last, type(last.__cause__).__name__, last.__notes__)
print("".join(traceback.format_exception_only(type(failures[0]), failures[0])), end="")
lines = traceback.format_exception(failures[0])
print(len(lines) > 3, "direct cause" in "".join(lines))
print(failures[0].__traceback__ is not None)
failures.clear()
del records
