import { describe, expect, it } from 'vitest';
import { MAP_BOT_BYTES } from '../../pymalloc/constants';
import { createProcess } from '../../simulate';
import { dictData } from '../objects/dictkeys';
import { listItem } from '../objects/list';
import { strValue } from '../objects/str';
import { T } from '../objects/types';
import type { PythonProcess } from '../process';
import { globalBindings, pythonOwnerLookup } from './index';
import { keyAt, valueAt } from '../objects/dictindex';

/** A process that ran `source`, and the handle bound to each module name. */
function run(source: string): { p: PythonProcess; name: (n: string) => number } {
  const p = createProcess();
  const n = p.load(source).length;
  for (let i = 0; i < n; i++) p.runStatement(i);
  const name = (want: string): number => {
    const g = dictData(p.vm, p.interpreter!.globals);
    for (let i = 0; i < g.nentries; i++)
      if (valueAt(g, i) && strValue(p.vm, keyAt(g, i)) === want) return valueAt(g, i);
    throw new Error(`no name ${want}`);
  };
  return { p, name };
}

const ask = (p: PythonProcess, pointers: number[]) =>
  pythonOwnerLookup(p, null)({ pointers, arenas: [] }).owners;

describe('the owner lookup', () => {
  it('names an object, its buffer, and the name bound to it', () => {
    const { p, name } = run(
      'big = [None] * 100000\nd = {i: i for i in range(1000)}\ns = {1, 2, 3, 4, 5, 6, 7}\nba = bytearray(5000)\n',
    );
    const t = p.vm.table;
    const [big, d, s, ba] = ['big', 'd', 's', 'ba'].map(name);
    const owners = ask(p, [t.ptr[big], t.addr[big], dictData(p.vm, d).keysAddr, t.ptr[ba]]);
    expect(owners.get(t.ptr[big])).toMatchObject({
      what: 'the item buffer of a list of 100,000 items',
      holders: [{ role: 'name', text: 'big' }],
      object: { kind: 'block', address: t.addr[big], size: 64 },
    });
    expect(owners.get(t.addr[big])!.what).toBe('a list of 100,000 items');
    expect(owners.get(dictData(p.vm, d).keysAddr)!.what).toBe('the hash table of a dict of 1,000 items');
    expect(owners.get(t.ptr[ba])!.what).toBe('the buffer of a bytearray of 5,000 bytes');
    expect(t.type[s]).toBe(T.Set);
  });

  it('finds the container that holds an unnamed object, and names it when a name is bound to it', () => {
    const { p, name } = run('keep = [[0] * 1000 for _ in range(3)]\nouter = [[[0] * 2000]]\n');
    const t = p.vm.table;
    const inner = listItem(p.vm, name('keep'), 1);
    const nested = listItem(p.vm, listItem(p.vm, name('outer'), 0), 0);
    const owners = ask(p, [t.ptr[inner], t.ptr[nested]]);
    expect(owners.get(t.ptr[inner])).toMatchObject({
      what: 'the item buffer of a list of 1,000 items',
      holders: [{ role: 'item', text: 'the list keep' }],
    });
    expect(owners.get(t.ptr[nested])!.holders).toMatchObject([{ role: 'item', text: 'a list of 1 item' }]);
  });

  it('names pymalloc’s bookkeeping and the interpreter’s free lists', () => {
    const { p } = run('a = [[0] * 100 for _ in range(100000)]\ndel a\n');
    const st = p.pymalloc.st;
    const bot = [...st.radix.bot.values()];
    const deadList = p.vm.free.lists[0];
    const owners = ask(p, [st.vectorPtr, bot[0], p.vm.table.addr[deadList]]);
    expect(owners.get(st.vectorPtr)).toMatchObject({
      what: `pymalloc's arenas[] vector (${(st.maxarenas * 48).toLocaleString('en-US')} B for ${st.maxarenas} arenas)`,
      holders: [],
    });
    expect(owners.get(bot[0])!.what).toBe(
      `a pymalloc radix-tree node (bottom level, ${MAP_BOT_BYTES / 1024} KiB)`,
    );
    expect(owners.get(p.vm.table.addr[deadList])!.what).toBe("a dead list kept on CPython's list free list");
  });

  it('reports a deleted name whose object lives on, not one whose object died', () => {
    const p = createProcess();
    const n = p.load('a = [0] * 10\nb = a\nc = [1] * 10\ndel a\ndel c\n').length;
    for (let i = 0; i < 3; i++) p.runStatement(i);
    const names = globalBindings(p);
    expect(names.map((b) => b.name).sort()).toEqual(['a', 'b', 'c']);
    for (let i = 3; i < n; i++) p.runStatement(i);
    const unbound = pythonOwnerLookup(p, names)({ pointers: [], arenas: [] }).unbound;
    expect(unbound).toHaveLength(1);
    expect(unbound[0]).toMatchObject({
      name: 'a',
      rebound: false,
      what: 'a list of 10 items',
      holders: [{ role: 'name', text: 'b' }],
      memory: { role: 'item buffer', bytes: 80 },
    });
  });

  it('groups the residents of arenas and finds who holds them from outside', () => {
    const { p } = run('a = [[i] for i in range(100000)]\nkeep = a[::5000]\ndel a\n');
    // The arenas only the survivors keep (fewer than 64 live blocks), as explain asks for them.
    const cols = p.pymalloc.arenaColumns();
    const live = (a: number) => cols.poolUsed.subarray(a * 64, a * 64 + 64).reduce((x, y) => x + y, 0);
    const arenas = Array.from(cols.address).filter((_, a) => live(a) > 0 && live(a) < 64);
    expect(arenas.length).toBeGreaterThan(3);
    const r = pythonOwnerLookup(p, null)({ pointers: [], arenas }).arenas!;
    expect(r.roots!.one).toBe('list');
    expect(r.roots!.count).toBeLessThanOrEqual(20);
    expect(r.holders).toMatchObject([{ role: 'item', text: 'the list keep' }]);
    expect(r.groups.map((g) => g.one)).toEqual(expect.arrayContaining(['list', 'int', 'list item buffer']));
  });
});
