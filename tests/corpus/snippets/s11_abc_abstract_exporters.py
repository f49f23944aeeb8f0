from abc import ABC, abstractmethod
import json

class Exporter(ABC):
    def __init__(self):
        self.count = 0

    @abstractmethod
    def encode(self, record): ...

    @property
    @abstractmethod
    def extension(self): ...

    def export(self, records):
        out = []
        for r in records:
            out.append(self.encode(r))
            self.count += 1
        return out

class JsonExporter(Exporter):
    extension = "json"
    def encode(self, record):
        return json.dumps(record)

class CsvExporter(Exporter):
    @property
    def extension(self):
        return "csv"
    def encode(self, record):
        return ",".join(str(v) for v in record.values())

try:
    Exporter()
except TypeError as e:
    print(e)

records = [{"id": i, "name": f"n{i}", "ok": i % 2 == 0} for i in range(20000)]
for cls in (JsonExporter, CsvExporter):
    ex = cls()
    lines = ex.export(records)
    print(cls.__name__, ex.extension, ex.count, lines[1], isinstance(ex, Exporter))
print(Exporter.__abstractmethods__ == frozenset({"encode", "extension"}))
del records, lines
