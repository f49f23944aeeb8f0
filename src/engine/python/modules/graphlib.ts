import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * graphlib (Lib/graphlib.py, 3.11) as Python run by the VM, written for Highwater from what the module
 * does: TopologicalSorter keeps one _NodeInfo (three slots: the node, its count of unfinished
 * predecessors, its successors list) per node in a dict; prepare() lists the nodes with no
 * predecessors and looks for a cycle by a depth-first walk over the successors in insertion order
 * (the first cycle found is the one CycleError carries, closed by its first node again);
 * get_ready/done hand nodes out and release their successors. The import replays its footprint.
 */
const GRAPHLIB_SOURCE = `

__all__ = ["TopologicalSorter", "CycleError"]

_NODE_OUT = -1
_NODE_DONE = -2


class _NodeInfo:
    __slots__ = "node", "npredecessors", "successors"

    def __init__(self, node):
        self.node = node
        self.npredecessors = 0
        self.successors = []


class CycleError(ValueError):
    pass


class TopologicalSorter:

    def __init__(self, graph=None):
        self._node2info = {}
        self._ready_nodes = None
        self._npassedout = 0
        self._nfinished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _get_nodeinfo(self, node):
        info = self._node2info.get(node)
        if info is None:
            self._node2info[node] = info = _NodeInfo(node)
        return info

    def add(self, node, *predecessors):
        if self._ready_nodes is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._get_nodeinfo(node)
        info.npredecessors += len(predecessors)
        for pred in predecessors:
            self._get_nodeinfo(pred).successors.append(node)

    def prepare(self):
        if self._ready_nodes is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready_nodes = [i.node for i in self._node2info.values() if i.npredecessors == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError(f"nodes are in a cycle", cycle)

    def get_ready(self):
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready_nodes)
        infos = self._node2info
        for node in result:
            infos[node].npredecessors = _NODE_OUT
        self._ready_nodes.clear()
        self._npassedout += len(result)
        return result

    def is_active(self):
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        return self._nfinished < self._npassedout or bool(self._ready_nodes)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        infos = self._node2info
        for node in nodes:
            info = infos.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            state = info.npredecessors
            if state != _NODE_OUT:
                if state >= 0:
                    raise ValueError(f"node {node!r} was not passed out (still not ready)")
                elif state == _NODE_DONE:
                    raise ValueError(f"node {node!r} was already marked done")
                else:
                    assert False, f"node {node!r}: unknown status {state}"
            info.npredecessors = _NODE_DONE
            for succ in info.successors:
                succ_info = infos[succ]
                succ_info.npredecessors -= 1
                if succ_info.npredecessors == 0:
                    self._ready_nodes.append(succ)
            self._nfinished += 1

    def _find_cycle(self):
        # depth-first over successors; path[k] is the k-th node of the current walk
        infos = self._node2info
        path = []
        nexts = []
        visited = set()
        position = {}
        for start in infos:
            if start in visited:
                continue
            node = start
            while True:
                if node in visited:
                    if node in position:
                        return path[position[node]:] + [node]
                else:
                    visited.add(node)
                    nexts.append(iter(infos[node].successors).__next__)
                    position[node] = len(path)
                    path.append(node)
                # the next unexplored successor, backing up over exhausted nodes
                while path:
                    try:
                        node = nexts[-1]()
                        break
                    except StopIteration:
                        del position[path.pop()]
                        nexts.pop()
                else:
                    break
        return None

    def static_order(self):
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    # classmethod(GenericAlias) in the real module: the simulator can neither wrap the type in a
    # classmethod nor call types.GenericAlias yet
    @classmethod
    def __class_getitem__(cls, item):
        _hw_unsupported('graphlib.TopologicalSorter[...]')
`;

export const graphlibModule: ModuleSpec = {
  name: 'graphlib',
  load: (vm) =>
    moduleFromGlobals(
      vm,
      'graphlib',
      runPythonPart(vm, 'graphlib', GRAPHLIB_SOURCE, { _hw_unsupported: unsupportedHelper(vm, 'graphlib') }),
    ),
};
