from typing import Generic, TypeVar, Iterator
import abc
T = TypeVar("T")

class Node(Generic[T]):
    __slots__ = ("value", "next")
    def __init__(self, value: T, next: "Node[T] | None" = None):
        self.value = value
        self.next = next

class Stack(Generic[T], abc.ABC):
    @abc.abstractmethod
    def push(self, v: T) -> None: ...

class LinkedStack(Stack[T]):
    def __init__(self) -> None:
        self.head: Node[T] | None = None
        self.size = 0
    def push(self, v: T) -> None:
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self) -> Iterator[T]:
        n = self.head
        while n is not None:
            yield n.value
            n = n.next
    def __class_getitem__(cls, item):
        return super().__class_getitem__(item)

s: LinkedStack[int] = LinkedStack[int]()
for i in range(200000):
    s.push(i)
print(s.size, sum(s) , isinstance(s, Stack))
try:
    Stack()
except TypeError as e:
    print(type(e).__name__)
del s
