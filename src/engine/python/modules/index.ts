import { abcModule } from './abc';
import { arrayModule } from './array';
import { bisectModule } from './bisect';
import { collectionsModule } from './collections';
import { contextlibModule } from './contextlib';
import { copyModule } from './copy';
import { dataclassesModule } from './dataclasses';
import { datetimeModule } from './datetime';
import { typingModule } from './typing';
import { stringModule } from './stringmod';
import { numbersModule } from './numbersmod';
import { keywordModule } from './keywordmod';
import { errnoModule } from './errnomod';
import { warningsModule } from './warningsmod';
import { linecacheModule } from './linecachemod';
import { tracebackModule } from './tracebackmod';
import { futureModule } from './future';
import { ctypesModule } from './ctypes';
import { ctypesUtilModule } from './ctypesutil';
import { functoolsModule } from './functools';
import { enumModule } from './enum';
import { gcModule } from './gc';
import { ioModule } from './io';
import { jsonModules } from './json';
import { mathModule } from './math';
import { randomModule } from './random';
import { pprintModule } from './pprint';
import { registerModules } from './registry';
import { textwrapModule } from './textwrap';
import { sysModule } from './sys';
import { timeModule } from './time';
import { tracemallocModule } from './tracemalloc';
import { heapqModule } from './heapq';
import { itertoolsModule } from './itertools';
import { operatorModule } from './operator';
import { threadModule } from './thread';
import { concurrentFuturesModules, queueModule, threadingModule } from './threading';
import { weakrefModule } from './weakref';
import { osModule, osPathModule } from './os';
import { resourceModule } from './resource';
import { csvCModule, csvModule } from './csv';
import { structModules } from './struct';
import { timeitModule } from './timeit';
import { reModule } from './re';
import { typesModule } from './types';
import { collectionsAbcModule } from './collectionsabc';
import { pickleModules } from './pickle';
import { mmapModule } from './mmap';
import { shutilModule, tempfileModule } from './tempfile';
import { pathlibModule } from './pathlib';
import { hashlibModule } from './hashlib';
import { zlibModule } from './zlib';
import { gzipModule } from './gzip';
import { uuidModule } from './uuid';
import { base64Module } from './base64';
import { binasciiModule } from './binascii';
import { fractionsModule } from './fractions';
import { pylongModule } from './pylong';
import { statisticsModule } from './statistics';
import { decimalModule } from './decimal';
import { loggingHandlersModule, loggingModule } from './logging';
import { zipfileModule } from './zipfile';
import { sqlite3Module } from './sqlite3';
import { etreeModules } from './etree';
import { configparserModule } from './configparser';
import { unicodedataModule } from './unicodedata';
import { asyncioModule } from './asyncio';
import { contextvarsModules } from './contextvars';
import { difflibModule } from './difflib';
import { argparseModule } from './argparse';
import { platformModule } from './platform';
import { atexitModule } from './atexitmod';
import { importlibModule } from './importlibmod';
import { cmathModule } from './cmathmod';
import { localeModule } from './localemod';
import { ipaddressModule } from './ipaddress';
import { signalCModule, signalModule } from './signalmod';
import { graphlibModule } from './graphlib';
import { fnmatchModule } from './fnmatch';
import { getoptModule, shlexModule } from './shlexmod';
import { reprlibModule } from './reprlibmod';
import { secretsModule } from './secretsmod';
import { hmacModule } from './hmacmod';
import { schedModule } from './schedmod';
import { globModule } from './globmod';
import { calendarModule } from './calendarmod';
import { inspectModule } from './inspectmod';
import { codecsModule } from './codecsmod';
import { urllibModules } from './urllibmod';
import { htmlModules } from './htmlmod';
import { copyregModule } from './copyregmod';

/** Every standard-library module the simulator models, one file each (one line here per module). */
registerModules([
  gcModule,
  sysModule,
  ctypesModule,
  ctypesUtilModule,
  ...jsonModules,
  ioModule,
  mathModule,
  randomModule,
  timeModule,
  tracemallocModule,
  collectionsModule,
  itertoolsModule,
  operatorModule,
  heapqModule,
  bisectModule,
  functoolsModule,
  arrayModule,
  weakrefModule,
  copyModule,
  threadModule,
  threadingModule,
  queueModule,
  ...concurrentFuturesModules,
  osModule,
  osPathModule,
  resourceModule,
  csvCModule,
  csvModule,
  ...structModules,
  timeitModule,
  reModule,
  ...pickleModules,
  mmapModule,
  tempfileModule,
  shutilModule,
  hashlibModule,
  zlibModule,
  gzipModule,
  uuidModule,
  base64Module,
  binasciiModule,
  fractionsModule,
  pylongModule,
  statisticsModule,
  decimalModule,
  loggingModule,
  loggingHandlersModule,
  configparserModule,
  unicodedataModule,
  pathlibModule,
  dataclassesModule,
  typingModule,
  stringModule,
  futureModule,
  tracebackModule,
  warningsModule,
  linecacheModule,
  keywordModule,
  errnoModule,
  numbersModule,
  contextlibModule,
  datetimeModule,
  pprintModule,
  textwrapModule,
  enumModule,
  abcModule,
  typesModule,
  collectionsAbcModule,
  ...contextvarsModules,
  difflibModule,
  argparseModule,
  platformModule,
  graphlibModule,
  fnmatchModule,
  shlexModule,
  getoptModule,
  asyncioModule,
  reprlibModule,
  secretsModule,
  hmacModule,
  schedModule,
  globModule,
  calendarModule,
  inspectModule,
  codecsModule,
  ...urllibModules,
  ...htmlModules,
  copyregModule,
  atexitModule,
  importlibModule,
  signalCModule,
  signalModule,
  cmathModule,
  localeModule,
  ipaddressModule,
  zipfileModule,
  sqlite3Module,
  ...etreeModules,
]);

export { findModule, type ModuleSpec } from './registry';
