// Message tables: one entry per problem code, with a Chinese and an English rendering.
// Each input stage owns its own table file; this module only merges them.
import type { Problem } from '../lib/problem.ts';

export type Lang = 'zh' | 'en';
type Params = Problem['params'];

export interface MessageEntry {
  zh: { message: (p: Params) => string; hint?: (p: Params) => string };
  en: { message: (p: Params) => string; hint?: (p: Params) => string };
}

/** A stage's table: one entry per code of its union, no more, no fewer. */
export type MessageTable<Code extends string> = Record<Code, MessageEntry>;
