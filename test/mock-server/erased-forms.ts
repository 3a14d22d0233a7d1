// Looking for an erased number in what the reference server answers: every written form of it (E.164 with
// or without `+`, international and national forms with any spaces, dashes, dots and brackets, the national
// significant number, the number dialled from abroad), and every endpoint that can show a text.
import type { clientFor } from './client.js';

/** A number, by its parts: `+447700900125` is calling code `44`, national number `7700900125`, trunk `0`. */
export interface NumberParts {
  callingCode: string;
  nationalNumber: string;
  /** The national (trunk) prefix: `0` in Britain, `1` in the NANP. */
  trunk: string;
}

/**
 * Returns each run of digits in `text` that names the number, in any written form: the digit runs of the
 * text as it is, and once the spaces, dashes, dots and brackets between digits are taken out
 * (`+44 (0)7700-900 125` is read as `+4407700900125`). Empty when no form of it is there.
 */
export function formsIn(text: string, number: NumberParts): string[] {
  const { callingCode: cc, nationalNumber: nsn, trunk } = number;
  const forms = new Set(
    [nsn, `${trunk}${nsn}`, `${cc}${nsn}`, `${cc}${trunk}${nsn}`, `00${cc}${nsn}`, `011${cc}${nsn}`].flatMap(
      (digits) => [digits, `+${digits}`],
    ),
  );
  const collapsed = text.replace(/(?<=\d)[\s\-.()]+(?=\d)/g, '');
  const runs = [...(text.match(/\+?\d+/g) ?? []), ...(collapsed.match(/\+?\d+/g) ?? [])];
  return [...new Set(runs.filter((run) => forms.has(run)))];
}

/**
 * Every `GET` of the API an account can read, as raw text: the account, each list walked page by page and
 * each item of it by id (sessions, logs, webhook endpoints and deliveries, privacy requests, API keys,
 * support tickets), and the messages named.
 */
export async function crawl(api: ReturnType<typeof clientFor>, messageIds: string[] = []): Promise<string[]> {
  const bodies: string[] = [JSON.stringify((await api.get('/v1/account')).body)];
  // Each list, and whether its items are read by id too (API keys are listed only).
  for (const [list, byId] of [
    ['/v1/sessions', true],
    ['/v1/logs', true],
    ['/v1/webhook_endpoints', true],
    ['/v1/webhook_deliveries', true],
    ['/v1/privacy_requests', true],
    ['/v1/api_keys', false],
    ['/v1/support/tickets', true],
  ] as const) {
    let cursor: string | null = null;
    do {
      const page = await api.get(`${list}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      bodies.push(JSON.stringify(page.body));
      for (const item of byId ? page.body.data : []) {
        bodies.push(JSON.stringify((await api.get(`${list}/${item.id}`)).body));
      }
      cursor = page.body.next_cursor;
    } while (cursor);
  }
  for (const id of messageIds) bodies.push(JSON.stringify((await api.get(`/v1/messages/${id}`)).body));
  return bodies;
}
