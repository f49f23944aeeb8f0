import { create } from 'zustand';

/**
 * The script being edited, which library scenario it came from (null once the user edits it), and
 * the user's own script: kept in localStorage as it is typed, offered back as "(your script)".
 */
export interface EditorState {
  source: string;
  scenarioId: string | null;
  /** The user's own script (the last text they typed), or null when they never typed one. */
  draft: string | null;
  setSource: (source: string, scenarioId?: string | null) => void;
  /** A change typed by the user: it also becomes the draft. */
  typed: (source: string) => void;
}

const DRAFT_KEY = 'highwater.draft.v1';

export function loadDraft(): string | null {
  try {
    return globalThis.localStorage?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return null;
  }
}

let saveTimer: ReturnType<typeof setTimeout> | null = null;
/** Saved 300 ms after the last key press (a reload or a crash loses at most that). */
function saveDraft(text: string): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    try {
      globalThis.localStorage?.setItem(DRAFT_KEY, text);
    } catch {
      // Storage disabled or full: the draft lives as long as the tab does.
    }
  }, 300);
}

export const useEditor = create<EditorState>((set) => ({
  source: '',
  scenarioId: null,
  draft: loadDraft(),
  setSource: (source, scenarioId = null) => set({ source, scenarioId }),
  typed: (source) => {
    saveDraft(source);
    set({ source, scenarioId: null, draft: source });
  },
}));

export const selectSource = (s: EditorState): string => s.source;
export const selectScenarioId = (s: EditorState): string | null => s.scenarioId;
