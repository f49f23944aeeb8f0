import { gaType, unionType } from '../objects/genericalias';
import { mappingProxyType } from '../objects/mappingproxy';
import { namespaceType } from '../objects/namespace';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * types (Lib/types.py): loaded at start-up in 3.11.7 (its import costs nothing). Its names are the
 * interpreter's own types; SimpleNamespace and MappingProxyType are modelled C types
 * (objects/namespace.ts, objects/mappingproxy.ts). A name not listed here (new_class,
 * prepare_class, coroutine …) says "not supported" through the attribute table.
 */
function loadTypes(vm: Vm): number {
  const t = (id: number): number => vm.types[id].typeObject;
  return makeModule(vm, 'types', [], {
    SimpleNamespace: namespaceType(vm).typeObject,
    MappingProxyType: mappingProxyType(vm).typeObject,
    FunctionType: t(T.Function),
    LambdaType: t(T.Function),
    MethodType: t(T.Method),
    BuiltinFunctionType: t(T.Builtin),
    BuiltinMethodType: t(T.Builtin),
    ModuleType: t(T.Module),
    GeneratorType: t(T.Generator),
    CodeType: t(T.Code),
    CellType: t(T.Cell),
    TracebackType: t(T.Traceback),
    FrameType: t(T.Frame),
    NoneType: t(T.None),
    EllipsisType: t(T.Ellipsis),
    NotImplementedType: t(T.NotImplementedType),
    GenericAlias: gaType(vm).typeObject,
    UnionType: unionType(vm).typeObject,
    MethodWrapperType: t(T.MethodWrapper),
    WrapperDescriptorType: t(T.WrapperDescr),
    MethodDescriptorType: t(T.MethodDescr),
    ClassMethodDescriptorType: t(T.ClassMethodDescr),
    GetSetDescriptorType: t(T.GetSetDescr),
    MemberDescriptorType: t(T.MemberDescr),
  });
}

export const typesModule: ModuleSpec = { name: 'types', load: loadTypes };
