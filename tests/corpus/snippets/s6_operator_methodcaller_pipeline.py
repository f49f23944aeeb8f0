import operator
from functools import reduce
from operator import attrgetter, itemgetter, methodcaller


class Address:
    def __init__(self, city, zipcode):
        self.city = city
        self.zipcode = zipcode


class Customer:
    def __init__(self, name, city, spent):
        self.name = name
        self.address = Address(city, f"{spent % 99999:05d}")
        self.spent = spent


cities = ["Oslo", "Lima", "Kyiv", "Pune", "Doha"]
customers = [Customer(f"  Name{i} ", cities[i % 5], i * 7 % 1000) for i in range(80000)]
clean = list(map(methodcaller("strip"), (c.name for c in customers)))
upper = list(map(methodcaller("replace", "Name", "N-"), clean))
print(upper[:3])
by_city = sorted(customers, key=attrgetter("address.city", "spent"))
print([(c.address.city, c.spent) for c in by_city[:3]])
rows = [(c.address.zipcode, c.spent, c.name) for c in customers]
rows.sort(key=itemgetter(1, 0))
print(rows[0], rows[-1])
total = reduce(operator.add, map(itemgetter(1), rows))
print("total", total, operator.truediv(total, len(rows)))
print(operator.contains(cities, "Lima"), operator.getitem(rows, 5)[2])
del rows, by_city, customers
