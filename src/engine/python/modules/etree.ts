import { raiseString } from '../abstract/errors';
import { builtinStatic } from '../objects/descr';
import { attribFromArgs, elementAppend, elementNew, isElement } from '../objects/etreeelement';
import { readyElementType } from '../objects/etreetype';
import { E } from '../objects/exctypes';
import { moduleData } from '../objects/module';
import { moduleType } from '../objects/modtypes';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { ETREE_SOURCE } from './etreeSource';
import { TreeBuilderType, XMLParserType, setParseError } from './etreeparser';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { sourceModule } from './threading';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * xml.etree.ElementTree with the C accelerator (_elementtree) as 3.11 imports it: Element,
 * SubElement, XMLParser and its TreeBuilder are C (objects/etreeelement.ts, etreetype.ts,
 * etreemethods.ts, etreepath.ts; modules/etreeparser.ts, etreetokens.ts); ElementTree, parse,
 * iterparse, XMLPullParser, fromstring, tostring are the module's Python (etreeSource.ts). The
 * import replays its recorded footprint (xml, xml.etree, ElementPath, copy, pyexpat, _elementtree:
 * 3,042 pymalloc-level calls on 3.11.7).
 */

/** subelement(): create_new_element(tag, attrib copy updated with the keywords), then appended. */
function subElementHelper(vm: Vm): number {
  return builtinStatic(
    vm,
    {
      name: 'SubElement',
      flags: Meth.Varargs | Meth.Keywords,
      impl: (vm2, _m, a, kw) => {
        if (a.length < 2) throw raiseString(vm2, E.TypeError, `SubElement() takes at least 2 arguments (${a.length} given)`);
        if (!isElement(vm2, a[0]))
          throw raiseString(vm2, E.TypeError, `SubElement() argument 1 must be xml.etree.ElementTree.Element, not ${vm2.typeOf(a[0]).name}`);
        if (a.length > 2 && vm2.table.type[a[2]] !== T.Dict)
          throw raiseString(vm2, E.TypeError, `SubElement() argument 3 must be dict, not ${vm2.typeOf(a[2]).name}`);
        const attrib = attribFromArgs(vm2, a[2] ?? 0, kw);
        try {
          const elem = elementNew(vm2, a[1], attrib);
          elementAppend(vm2, a[0], elem);
          return elem;
        } finally {
          if (attrib) vm2.decref(attrib);
        }
      },
    },
    'xml.etree.ElementTree',
  );
}

export const etreeModules: ModuleSpec[] = [
  sourceModule('xml', ''),
  sourceModule('xml.etree', '', ['xml']),
  {
    name: 'xml.etree.ElementTree',
    load: (vm, importModule) => {
      const element = readyElementType(vm).typeObject;
      const globals = runPythonPart(vm, 'xml.etree.ElementTree', ETREE_SOURCE, {
        _hw_unsupported: unsupportedHelper(vm, 'xml.etree.ElementTree'),
        Element: element,
        SubElement: subElementHelper(vm),
        XMLParser: moduleType(vm, XMLParserType).typeObject,
        TreeBuilder: moduleType(vm, TreeBuilderType).typeObject,
      });
      setParseError(vm, partName(vm, globals, 'ParseError'));
      const m = moduleFromGlobals(vm, 'xml.etree.ElementTree', globals);
      const pkg = importModule('xml.etree');
      moduleData(vm, pkg).attrs.set('ElementTree', m);
      vm.decref(pkg);
      vm.incref(m);
      return m;
    },
  },
];
