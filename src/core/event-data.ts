// The client's check of an event's `data`: decoded with the model of its type from the contract, so that
// `aulm.webhooks.verify` refuses data that does not match, naming the field, as responses are refused.
import * as z from 'zod/mini';
import { compiledOf } from '../contract/compiled.js';
import { CHECK_OPTIONS, hasOwnMessage } from '../contract/errors.js';
import { EVENT_DATA } from '../contract/events.js';
import type { ReadEventData } from '../webhooks/event.js';

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

// Says what is wrong with a field by its wire path, never quoting the value: it may be personal data.
function fieldProblem(issue: z.core.$ZodIssue | undefined): string {
  const field = ['data', ...(issue?.path.map(String) ?? [])].join('.');
  if (!issue) return `${field} is not valid`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${field} is missing`;
      return `${field} should be ${article(issue.expected)} ${issue.expected}`;
    case 'invalid_value':
      return `${field} should be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return `${field} should be an ISO 8601 timestamp`;
      if (issue.format === 'regex')
        return hasOwnMessage(issue) ? `${field} ${issue.message}` : `${field} should match ${issue.pattern}`;
      return `${field} should be a ${issue.format}`;
    case 'too_small':
      return `${field} should not be empty`;
    default:
      return `${field} ${hasOwnMessage(issue) ? issue.message : 'is not valid'}`;
  }
}

/** Decodes the `data` of a known event type with its model; throws a sentence naming the field. */
export const checkEventData: ReadEventData = (type, data) => {
  const decoded = z.safeDecode(
    compiledOf(EVENT_DATA[type] as z.ZodMiniType<unknown>),
    data as never,
    CHECK_OPTIONS,
  );
  if (!decoded.success) throw new Error(fieldProblem(decoded.error.issues[0]));
  return decoded.data;
};
