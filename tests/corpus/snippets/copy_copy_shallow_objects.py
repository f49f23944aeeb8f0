# copy.copy vs copy.deepcopy on objects that hold lists: the shallow copy shares them.
import copy
import sys


class Order:
    def __init__(self, order_id, lines):
        self.order_id = order_id
        self.lines = lines
        self.tags = {"new"}

    def __copy__(self):
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.tags = set(self.tags)
        return clone


orders = [Order(i, [("sku%d" % j, j) for j in range(10)]) for i in range(20_000)]
print("orders:", len(orders))

shallow = [copy.copy(o) for o in orders]
print("lines shared:", shallow[0].lines is orders[0].lines, "tags shared:", shallow[0].tags is orders[0].tags)

plain = [copy.copy({"id": i, "items": [i, i + 1]}) for i in range(20_000)]
print("dict copies share lists:", plain[5]["items"] is not None)

deep = [copy.deepcopy(o) for o in orders[:3_000]]
print("deep lines shared:", deep[0].lines is orders[0].lines)

lst_copy = copy.copy(orders)
print("list copy", len(lst_copy), sys.getsizeof(lst_copy))

del orders
print("still alive through shallow copies:", len(shallow[123].lines))
del shallow, deep, lst_copy, plain
