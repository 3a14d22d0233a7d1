// The URLs the API stores or fetches (a webhook endpoint's, a media file's), as API.md says them: `https`, a
// host, no user name or password, and a port from 1 to 65535 if one is given, read by the WHATWG URL
// parser that every runtime has, so that no URL is stored that a parser refuses (and a delivery fails on).
import * as z from 'zod/mini';

/** Whether `text` is a URL the API stores or fetches: https, a host, no credentials, a port from 1. */
export function isHttpsUrl(text: string): boolean {
  // The parser drops white space at either end and tabs and line breaks within: the URL would be stored
  // other than it parses, so none is taken.
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit <= 0x20 || unit === 0x7f) return false;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.port !== '0'
  );
}

/** A string schema for such a URL, of at most `maxLength` characters. */
export function httpsUrl(maxLength: number) {
  return z.string().check(
    z.maxLength(maxLength),
    z.refine(isHttpsUrl, {
      error:
        'must be an https:// URL with a host, no user name or password, and a port from 1 to 65535 if any',
    }),
  );
}
