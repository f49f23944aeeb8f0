import { describe, expect, it } from 'vitest';
import recorded from '../testdata/builtin_type_attrs.json';
import { PythonProcess } from '../process';
import { runScript } from '../runscript';
import { TpFlags } from '../objects/types';
import { tpName } from './cpythonattrs';

const errorOf = (source: string) => {
  const e = runScript(source).error;
  return e && { type: e.type, message: e.message, line: e.line };
};

const types = (recorded as { types: Record<string, { mro: string[]; own: string[] }> }).types;

describe('attributes CPython 3.11.7 has but the simulator lacks', () => {
  it('a missing method of a built-in type is "not supported", never an AttributeError', () => {
    expect(errorOf("s = 'a,b'\nt = s.__getnewargs__()")).toEqual({
      type: 'NotSupported',
      message: 'not supported by Highwater yet: str.__getnewargs__',
      line: 2,
    });
    expect(errorOf("s = 'a'\nok = hasattr(s, '__getnewargs__')")).toMatchObject({
      message: 'not supported by Highwater yet: str.__getnewargs__',
    });
    expect(errorOf('t = b"a".__getnewargs__()')).toMatchObject({
      message: 'not supported by Highwater yet: bytes.__getnewargs__',
    });
    // a class built on a built-in type speaks for its base
    expect(errorOf("class S(str):\n    pass\nx = S('a').__getnewargs__()")).toMatchObject({
      message: 'not supported by Highwater yet: str.__getnewargs__',
    });
  });

  it('a name CPython lacks too is the AttributeError CPython raises', () => {
    expect(errorOf("s = 'a'\nx = s.push")).toEqual({
      type: 'AttributeError',
      message: "'str' object has no attribute 'push'",
      line: 2,
    });
    expect(errorOf('def f():\n    pass\nx = f.cache')).toMatchObject({ type: 'AttributeError' });
    expect(runScript("s = 'a'\nok = hasattr(s, 'push')\nassert not ok").error).toBeUndefined();
  });

  it('every method, member and getset the simulator gives a built-in type exists on the real type', () => {
    const p = new PythonProcess();
    p.load('');
    const wrong: string[] = [];
    let checked = 0;
    for (const t of p.vm.types) {
      if (!t || t.flags & TpFlags.HeapType) continue;
      const rec = types[tpName(t)];
      if (rec === undefined) continue;
      const names = new Set([...rec.own, ...rec.mro.flatMap((b) => types[b]?.own ?? [])]);
      for (const n of [...Object.keys(t.methods), ...Object.keys(t.members), ...Object.keys(t.getset)]) {
        checked++;
        if (!names.has(n)) wrong.push(`${tpName(t)}.${n}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
