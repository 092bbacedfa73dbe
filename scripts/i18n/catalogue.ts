// Message tables: one entry per problem code, with a Chinese and an English rendering.
// Each input stage owns its own table file; this module only merges them.
import type { Problem } from '../lib/problem.ts';

export type Lang = 'zh' | 'en';
type Params = Problem['params'];

export interface MessageEntry {
  zh: { message: (p: Params) => string; hint?: (p: Params) => string };
  en: { message: (p: Params) => string; hint?: (p: Params) => string };
}

export type MessageTable = Record<string, MessageEntry>;
