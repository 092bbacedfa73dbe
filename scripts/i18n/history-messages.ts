// Wording of the history stage's problem codes (zh first, en second).
import type { MessageTable } from './catalogue.ts';

export const historyMessages: MessageTable = {};
