/**
 * A scenario file is a Python script whose header comment gives its title and story:
 *   # title: One survivor per arena keeps the arena
 *   #
 *   # A million one-item lists use ...
 * followed by the code. The header is shown as the story; the editor gets the code.
 */
export interface ScenarioText {
  title: string;
  story: string;
  code: string;
}

export function parseScenarioFile(text: string): ScenarioText {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  let title = '';
  const story: string[] = [];
  for (; i < lines.length && lines[i].startsWith('#'); i++) {
    const body = lines[i].replace(/^#\s?/, '');
    const m = /^title:\s*(.*)$/.exec(body);
    if (m) title = m[1].trim();
    else story.push(body);
  }
  const paragraphs = story
    .join('\n')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
  return {
    title,
    story: paragraphs.filter(Boolean).join('\n\n'),
    code: lines.slice(i).join('\n').replace(/^\n+/, ''),
  };
}
