class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"bad {field}: {value!r}")
        self.field = field
        self.value = value


class RecordError(Exception):
    pass


def validate(rec):
    if rec["age"] < 0:
        raise ValidationError("age", rec["age"])
    if not rec["name"]:
        raise ValidationError("name", rec["name"])
    return rec


def load(records):
    good, errors = [], []
    for i, rec in enumerate(records):
        try:
            good.append(validate(rec))
        except ValidationError as e:
            try:
                raise RecordError(f"record {i}") from e
            except RecordError as outer:
                errors.append(outer)
    return good, errors


records = [{"name": "" if i % 7 == 0 else f"n{i}", "age": -1 if i % 11 == 0 else i % 90} for i in range(50000)]
good, errors = load(records)
print(len(good), len(errors))
print(errors[0], "<-", errors[0].__cause__)
errors = None
print("errors dropped")
