import { byteString, bytesContent, type ByteContent } from '../objects/bytes';
import { dictEntries } from '../objects/dict';
import { floatRepr } from '../objects/float';
import { intValue } from '../objects/int';
import { rangeFields } from '../objects/iter';
import { listItem } from '../objects/list';
import { setData } from '../objects/set';
import { strRepr, strValue } from '../objects/str';
import { tupleItem } from '../objects/tuple';
import { T, TYPE_NAMES } from '../objects/types';
import type { Vm } from '../runtime/vm';

/** type(x).__name__ */
export function typeName(vm: Vm, h: number): string {
  const type = vm.table.type[h];
  if (type === T.Type || type === T.Builtin) return type === T.Type ? 'type' : 'builtin_function_or_method';
  return TYPE_NAMES[type] ?? vm.extensions[type]?.name ?? 'object';
}

function bytesRepr(c: ByteContent): string {
  const s = byteString(c);
  if (s === null) return `b'...' (${typeof c === 'string' ? c.length : c.length} bytes)`;
  let out = "b'";
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 39 || ch === 92) out += '\\' + s[i];
    else if (ch >= 32 && ch < 127) out += s[i];
    else if (ch === 10) out += '\\n';
    else out += '\\x' + ch.toString(16).padStart(2, '0');
  }
  return out + "'";
}

/** repr(x), for print() of containers and for error messages. Does not allocate simulated memory. */
export function repr(vm: Vm, h: number, depth = 0): string {
  const t = vm.table;
  if (depth > 20) return '...';
  switch (t.type[h]) {
    case T.None:
      return 'None';
    case T.Bool:
      return t.num[h] ? 'True' : 'False';
    case T.Int:
      return intValue(vm, h).toString();
    case T.Float:
      return floatRepr(t.num[h]);
    case T.Str:
      return strRepr(strValue(vm, h));
    case T.Bytes:
      return bytesRepr(bytesContent(vm, h));
    case T.ByteArray:
      return `bytearray(${bytesRepr(t.side[h] as ByteContent)})`;
    case T.List: {
      const n = t.n[h];
      const parts: string[] = [];
      for (let i = 0; i < Math.min(n, 100); i++) parts.push(repr(vm, listItem(vm, h, i), depth + 1));
      return '[' + parts.join(', ') + (n > 100 ? ', ...' : '') + ']';
    }
    case T.Tuple: {
      const n = t.n[h];
      const parts: string[] = [];
      for (let i = 0; i < Math.min(n, 100); i++) parts.push(repr(vm, tupleItem(vm, h, i), depth + 1));
      return '(' + parts.join(', ') + (n === 1 ? ',' : '') + (n > 100 ? ', ...' : '') + ')';
    }
    case T.Dict: {
      const parts: string[] = [];
      for (const [k, v] of dictEntries(vm, h)) {
        if (parts.length === 100) {
          parts.push('...');
          break;
        }
        parts.push(`${repr(vm, k, depth + 1)}: ${repr(vm, v, depth + 1)}`);
      }
      return '{' + parts.join(', ') + '}';
    }
    case T.Set:
    case T.FrozenSet: {
      const items = [...setData(vm, h).index.values()].slice(0, 100).map((k) => repr(vm, k, depth + 1));
      const body = items.length ? '{' + items.join(', ') + '}' : '';
      return t.type[h] === T.Set ? body || 'set()' : `frozenset(${body})`;
    }
    case T.Range: {
      const r = rangeFields(vm, h);
      const step = intValue(vm, r.step);
      const tail = step === 1 ? '' : `, ${step}`;
      return `range(${intValue(vm, r.start)}, ${intValue(vm, r.stop)}${tail})`;
    }
    case T.Function:
      return `<function ${(t.side[h] as { name: string }).name}>`;
    case T.Builtin:
      return `<built-in function ${t.side[h] as string}>`;
    case T.Type:
      return `<class '${t.side[h] as string}'>`;
    case T.Module:
      return `<module '${t.side[h] as string}'>`;
    default:
      return vm.extensions[t.type[h]]?.repr?.(h) ?? `<${typeName(vm, h)} object>`;
  }
}

/** str(x) text: a str is itself, everything else its repr. */
export function strText(vm: Vm, h: number): string {
  const type = vm.table.type[h];
  if (type === T.Str) return strValue(vm, h);
  const ext = type >= T.FirstExtension ? vm.extensions[type] : undefined;
  return ext?.str ? ext.str(h) : repr(vm, h);
}
