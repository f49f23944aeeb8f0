class Exporter:
    registry: dict[str, type] = {}

    def __init_subclass__(cls, /, fmt: str, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.fmt = fmt
        Exporter.registry[fmt] = cls

    def __init__(self, rows):
        self.rows = rows

    def export(self) -> str:
        raise NotImplementedError


class CsvExporter(Exporter, fmt="csv"):
    def export(self):
        return "\n".join(",".join(map(str, r)) for r in self.rows)


class TsvExporter(Exporter, fmt="tsv"):
    def export(self):
        return "\n".join("\t".join(map(str, r)) for r in self.rows)


class MarkdownExporter(Exporter, fmt="md"):
    def export(self):
        lines = ["| " + " | ".join(map(str, r)) + " |" for r in self.rows]
        return "\n".join(lines)


print("registered:", sorted(Exporter.registry))

rows = [(i, f"name{i}", i * 1.25) for i in range(30_000)]
outputs = {fmt: cls(rows).export() for fmt, cls in Exporter.registry.items()}
print({fmt: len(text) for fmt, text in outputs.items()})

dynamic = [type(f"Plugin{i}", (Exporter,), {"export": lambda self: ""}, fmt=f"p{i}") for i in range(200)]
print("after dynamic plugins:", len(Exporter.registry), dynamic[5].fmt)

try:
    class Broken(Exporter):
        pass
except TypeError as e:
    print("TypeError:", e)
del outputs, rows
