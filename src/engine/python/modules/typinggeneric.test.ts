import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { callsOf } from '../testing';
import expected from '../testdata/typing2_expected.json';

/**
 * typing.Generic and Protocol (typingSource.ts) against CPython 3.11.7 (tools/allocations/
 * record_allocations.py typing2 --clear-type-cache --main-module). A subscription the lru cache
 * already holds (`Cache[str, int]` again, and calling it) is held call by call. A cache miss and a
 * class definition run typing's Python (Generic.__init_subclass__, __class_getitem__,
 * _GenericAlias.__init__) with fewer calls than the real one (its generator expressions' and
 * lru_cache key tuples are not all made alike), so those are held to the bytes they leave
 * allocated: within 25% of the real (measured: 3% to 20% under or over).
 */
const net = (calls: string[]): number =>
  calls.reduce((n, c) => {
    const [op, a, b] = c.split(' ');
    if (op === 'm') return n + Number(a);
    if (op === 'c') return n + Number(a) * Number(b);
    if (op === 'f' && a !== '?') return n - Number(a);
    return n;
  }, 0);

describe('typing generics, against CPython 3.11.7', () => {
  for (const c of expected.cases) {
    const hit = /^[yc] = Cache\[str, int\]/.test(c.statement);
    it(`${c.statement.split('\n')[0]} (${hit ? 'call by call' : 'net bytes within 25%'})`, () => {
      const got = callsOf(c.setup, c.statement);
      if (hit) expect(got).toEqual(c.calls);
      else expect(Math.abs(net(got) - net(c.calls)) / net(c.calls)).toBeLessThan(0.25);
    });
  }
});

/** What python3.11 printed for a generic LRU cache, a runtime-checkable protocol and the errors. */
const SCRIPT =
  "from typing import Generic, TypeVar, Optional, List, Dict, Protocol, Iterator\nK = TypeVar('K')\nV = TypeVar('V')\nclass Cache(Generic[K, V]):\n    def __init__(self, capacity: int) -> None:\n        self.capacity = capacity\n        self.data: Dict[K, V] = {}\n    def get(self, key: K) -> Optional[V]:\n        return self.data.get(key)\n    def put(self, key: K, value: V) -> None:\n        self.data[key] = value\nc: Cache[str, int] = Cache(10)\nc.put('a', 1)\nprint(c.get('a'), c.get('b'), Cache[str, int], Cache.__parameters__, type(c).__mro__)\nclass Sized(Protocol):\n    def size(self) -> int: ...\nclass Box:\n    def size(self) -> int:\n        return 3\ndef total(xs: List[Sized]) -> int:\n    return sum(x.size() for x in xs)\nprint(total([Box(), Box()]), Sized, issubclass(Cache, Generic))\nT = TypeVar('T', bound=int)\nclass Stack(Generic[T]):\n    def __init__(self) -> None:\n        self.items: List[T] = []\ns = Stack[int]()\nprint(type(s).__name__, s.__orig_class__)\nfrom typing import Generic, TypeVar, Protocol, runtime_checkable, Optional, Iterator, List\nfrom collections import OrderedDict\nK = TypeVar('K')\nV = TypeVar('V')\nclass LRUCache(Generic[K, V]):\n    def __init__(self, capacity: int = 128) -> None:\n        self.capacity = capacity\n        self._data: 'OrderedDict[K, V]' = OrderedDict()\n    def get(self, key: K) -> Optional[V]:\n        if key not in self._data:\n            return None\n        self._data.move_to_end(key)\n        return self._data[key]\n    def put(self, key: K, value: V) -> None:\n        self._data[key] = value\n        self._data.move_to_end(key)\n        if len(self._data) > self.capacity:\n            self._data.popitem(last=False)\nclass StrCache(LRUCache[str, bytes]):\n    pass\nc = StrCache(2)\nc.put('a', b'1'); c.put('b', b'2'); c.put('c', b'3')\nprint(c.get('a'), c.get('c'), StrCache.__orig_bases__, StrCache.__parameters__, LRUCache.__parameters__)\n@runtime_checkable\nclass Closable(Protocol):\n    def close(self) -> None: ...\nclass F:\n    def close(self): pass\nprint(isinstance(F(), Closable), isinstance(3, Closable))\ntry:\n    Closable()\nexcept TypeError as e:\n    print('TypeError', e)\ntry:\n    class Bad(Generic):\n        pass\nexcept TypeError as e:\n    print('TypeError', e)\nclass Pair(Generic[K, V]):\n    pass\nprint(Pair[int, str], Pair[int, str] is Pair[int, str], LRUCache[K, int][str])\ntry:\n    Pair[int]\nexcept TypeError as e:\n    print('TypeError', e)\nT = TypeVar('T')\nclass Node(Generic[T]):\n    def __init__(self, value: T, next: 'Optional[Node[T]]' = None):\n        self.value = value\n        self.next = next\n    def __iter__(self) -> Iterator[T]:\n        n = self\n        while n:\n            yield n.value\n            n = n.next\nprint(list(Node(1, Node(2, Node(3)))))\n";
const PRINTED_BY_CPYTHON =
  "1 None __main__.Cache[str, int] (~K, ~V) (<class '__main__.Cache'>, <class 'typing.Generic'>, <class 'object'>)\n6 <class '__main__.Sized'> True\nStack __main__.Stack[int]\nNone b'3' (__main__.LRUCache[str, bytes],) () (~K, ~V)\nTrue False\nTypeError Protocols cannot be instantiated\nTypeError Cannot inherit from plain Generic\n__main__.Pair[int, str] True __main__.LRUCache[str, int]\nTypeError Too few arguments for <class '__main__.Pair'>; actual 1, expected 2\n[1, 2, 3]\n";

describe('Generic and Protocol as a script sees them', () => {
  it('prints what python3.11 printed', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED_BY_CPYTHON);
  });
});
