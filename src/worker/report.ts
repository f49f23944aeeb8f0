import { sentenceText } from '../engine/explain/types';
import { glibcOf, type Snapshot } from '../engine/trace/snapshot';
import type { RunOptions, ScriptError, StatementInfo } from '../protocol/messages';

/** One step of the page's report: the figures and the sentences the page showed after it. */
export interface ReportStep {
  step: number;
  line: number | null;
  code: string | null;
  events: number;
  rss: number;
  peakRss: number;
  heap: number;
  anonMmap: number;
  pymallocArenaBytes: number;
  mmapThreshold: number | null;
  trimThreshold: number | null;
  mallinfo2: Record<string, number>;
  pymalloc: Record<string, number> | null;
  explanation: string[];
  output: string;
}

/** The step's row, taken from the snapshot the first pass made anyway (no second simulation). */
export function reportStep(s: Snapshot, statements: StatementInfo[], output: string): ReportStep {
  const st = s.statement > 0 ? statements[s.statement - 1] : null;
  return {
    step: s.statement,
    line: st?.line ?? null,
    code: st?.code ?? null,
    events: s.event,
    rss: s.scalars.rss,
    peakRss: s.scalars.peakRss,
    heap: s.scalars.brk - s.scalars.heapStart,
    anonMmap: s.scalars.anonMmap,
    pymallocArenaBytes: s.scalars.pymallocArenaBytes,
    mmapThreshold: glibcOf(s)?.mp.mmapThreshold ?? null,
    trimThreshold: glibcOf(s)?.mp.trimThreshold ?? null,
    mallinfo2: { ...glibcOf(s)?.mallinfo } as unknown as Record<string, number>,
    pymalloc: s.pymallocStats ? { ...s.pymallocStats } : null,
    explanation: s.explain.map(sentenceText),
    output,
  };
}

export interface PageReport {
  tool: 'highwater';
  kind: 'page-report';
  environment: { python: string; allocator: string; os: string };
  link: string;
  script: string;
  options: RunOptions;
  statements: number;
  totalEvents: number;
  error: ScriptError | null;
  steps: ReportStep[];
}

export function pageReport(r: Omit<PageReport, 'tool' | 'kind' | 'environment'>): string {
  const report: PageReport = {
    tool: 'highwater',
    kind: 'page-report',
    environment: { python: 'CPython 3.11 (pymalloc)', allocator: 'glibc 2.36 malloc', os: 'Linux x86-64' },
    ...r,
  };
  return JSON.stringify(report, null, 2);
}
