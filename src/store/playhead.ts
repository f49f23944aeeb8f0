import { create } from 'zustand';

export type StepMode = 'statement' | 'event';
export const EVENT_STRIDES = [1, 1000, 100000] as const;
export type EventStride = (typeof EVENT_STRIDES)[number];

/**
 * Where the user is in the run. Statement mode: after `statement` top-level statements (0 = before
 * the first). Event mode: after exactly `event` allocator events.
 */
export interface PlayheadState {
  mode: StepMode;
  statement: number;
  event: number;
  stride: EventStride;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  /** Bumped by Run: asks for the run to exist and the playhead to sit at its end. */
  runRequest: number;
  setStatement: (k: number) => void;
  setEvent: (e: number) => void;
  setMode: (m: StepMode) => void;
  setStride: (s: EventStride) => void;
  setPlaying: (p: boolean) => void;
  setSpeed: (s: number) => void;
  requestRun: () => void;
}

export const usePlayhead = create<PlayheadState>((set) => ({
  mode: 'statement',
  statement: 0,
  event: 0,
  stride: 1000,
  playing: false,
  speed: 2,
  runRequest: 0,
  setStatement: (statement) => set({ statement: Math.max(0, statement), mode: 'statement' }),
  setEvent: (event) => set({ event: Math.max(0, Math.round(event)), mode: 'event' }),
  setMode: (mode) => set({ mode }),
  setStride: (stride) => set({ stride }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  requestRun: () => set((s) => ({ runRequest: s.runRequest + 1 })),
}));

export const selectMode = (s: PlayheadState): StepMode => s.mode;
export const selectStatement = (s: PlayheadState): number => s.statement;
export const selectEvent = (s: PlayheadState): number => s.event;
export const selectPlaying = (s: PlayheadState): boolean => s.playing;
