import { create } from 'zustand';

/** A yes/no question the page asks before it replaces the user's text. */
export interface Question {
  title: string;
  body: string;
  yes: string;
  no: string;
  answer: (yes: boolean) => void;
}

export interface DialogState {
  question: Question | null;
  ask: (q: Omit<Question, 'answer'>) => Promise<boolean>;
}

export const useDialog = create<DialogState>((set) => ({
  question: null,
  ask: (q) =>
    new Promise((resolve) =>
      set({
        question: {
          ...q,
          answer: (yes) => {
            set({ question: null });
            resolve(yes);
          },
        },
      }),
    ),
}));
