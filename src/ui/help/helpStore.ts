import { create } from 'zustand';

const TOURED = 'highwater.toured.v1';

function toured(): boolean {
  try {
    return globalThis.localStorage?.getItem(TOURED) === '1';
  } catch {
    return true;
  }
}

/** The "?" sheet and the first-visit tour. */
export interface HelpState {
  sheet: boolean;
  /** The tour's step (0-based), or null when it is not shown. */
  tour: number | null;
  setSheet: (open: boolean) => void;
  setTour: (step: number | null) => void;
}

export const useHelp = create<HelpState>((set) => ({
  sheet: false,
  tour: toured() ? null : 0,
  setSheet: (sheet) => set({ sheet }),
  setTour: (tour) => {
    if (tour === null)
      try {
        globalThis.localStorage?.setItem(TOURED, '1');
      } catch {
        // Storage disabled: the tour shows again next time.
      }
    set({ tour });
  },
}));
