// Wording of the policy stage's problem codes (zh first, en second).
import type { MessageTable } from './catalogue.ts';

export const policyMessages: MessageTable = {};
