import type { StatementInfo } from '../../protocol/messages';

/** Where the snapshot stands, said in the script's terms (the explain panel's first line). */
export interface Where {
  kind: 'start' | 'after' | 'during';
  statement: StatementInfo | null;
  /** During a statement: events of it done, of its total. */
  done: number;
  of: number;
}

export function whereIs(
  statements: StatementInfo[],
  statementEnd: Float64Array | null,
  loadEvents: number,
  shown: { statement: number; event: number | null } | null,
  snapStatement: number,
  snapEvent: number,
): Where {
  const k = snapStatement;
  const fine = shown !== null && shown.event !== null && statementEnd !== null;
  if (fine) {
    const start = k === 0 ? loadEvents : statementEnd[k - 1];
    const end = k < statementEnd.length ? statementEnd[k] : start;
    // At a statement's last event the statement is done: "after" it.
    if (snapEvent > start && snapEvent < end)
      return { kind: 'during', statement: statements[k] ?? null, done: snapEvent - start, of: end - start };
  }
  if (k === 0) return { kind: 'start', statement: null, done: 0, of: 0 };
  return { kind: 'after', statement: statements[k - 1] ?? null, done: 0, of: 0 };
}

/** The heading follows what the step did to RSS (the first sentence's id, from explain/). */
export function headingFor(firstSentenceId: string | undefined): string {
  switch (firstSentenceId) {
    case 'rss-up':
      return 'Why did RSS go up?';
    case 'rss-down':
      return 'Why did RSS go down?';
    case 'rss-flat':
      return 'Why did RSS not go down?';
    case 'rss-same':
      return 'Why did RSS stay the same?';
    case 'rss-start':
      return 'What holds memory at the start?';
    default:
      return 'Why did RSS (not) go down?';
  }
}
