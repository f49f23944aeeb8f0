from dataclasses import dataclass, field


@dataclass
class Invoice:
    number: int
    lines: list
    tax_rate: float = 0.2
    subtotal: float = field(init=False)
    total: float = field(init=False)
    summary: str = field(init=False, repr=False)

    def __post_init__(self):
        if not self.lines:
            raise ValueError(f"invoice {self.number} has no lines")
        self.subtotal = round(sum(q * p for q, p in self.lines), 2)
        self.total = round(self.subtotal * (1 + self.tax_rate), 2)
        self.summary = f"#{self.number}: {len(self.lines)} lines, {self.total:.2f}"


invoices = []
failed = []
for n in range(15000):
    lines = [(k + 1, (n + k) % 20 + 0.99) for k in range(n % 6)]
    try:
        invoices.append(Invoice(n, lines))
    except ValueError as exc:
        failed.append(str(exc))
print(len(invoices), len(failed), failed[:2])
print(invoices[0])
print(invoices[0].summary)
print(max(invoices, key=lambda inv: inv.total).summary)
grand = sum(inv.total for inv in invoices)
print(f"{grand:,.2f}")
del failed
invoices = [inv for inv in invoices if inv.total > 100]
print(len(invoices))
