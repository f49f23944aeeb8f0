import { create } from 'zustand';

/** The script being edited and which library scenario it came from (null once the user edits it). */
export interface EditorState {
  source: string;
  scenarioId: string | null;
  setSource: (source: string, scenarioId?: string | null) => void;
}

export const useEditor = create<EditorState>((set) => ({
  source: '',
  scenarioId: null,
  setSource: (source, scenarioId = null) => set({ source, scenarioId }),
}));

export const selectSource = (s: EditorState): string => s.source;
export const selectScenarioId = (s: EditorState): string | null => s.scenarioId;
