import { create } from 'zustand';

/** One message at a time above the views (a link that could not be read, "Loaded X. Undo"). */
export interface Notice {
  text: string;
  /** 'error' is announced assertively; 'info' politely. */
  tone: 'error' | 'info';
  action?: { label: string; run: () => void };
}

export interface NoticeState {
  notice: Notice | null;
  show: (n: Notice | null) => void;
}

export const useNotice = create<NoticeState>((set) => ({
  notice: null,
  show: (notice) => set({ notice }),
}));
