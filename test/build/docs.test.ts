// The API docs build (`npm run docs`): typedoc with the project's typedoc.json, where every warning (an
// undocumented export, a type referenced but not exported, a broken link) is an error. Then what the built
// reference shows: the models by their names, linked to their pages, and no schema where a type belongs.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const typedoc = join(root, 'node_modules/typedoc/bin/typedoc');
const out = mkdtempSync(join(tmpdir(), 'aulm-docs-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The built page at `path` (under the output folder). */
function page(path: string): string {
  return readFileSync(join(out, path), 'utf8');
}

/** The text of some HTML, as a reader sees it: no tags, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The signature of a member of a page: a method's by its anchor (`send-1`), a property's by its name. */
function signature(path: string, member: { anchor: string } | { property: string }): string {
  const html = page(path);
  const pattern =
    'anchor' in member
      ? new RegExp(`<div class="tsd-signature tsd-anchor-link" id="${member.anchor}">(.*?)</div>`)
      : new RegExp(
          `<div class="tsd-signature"><span class="tsd-kind-property">${member.property}</span>(.*?)</div>`,
        );
  const found = pattern.exec(html)?.[1];
  if (found === undefined) throw new Error(`${path} has no signature for ${JSON.stringify(member)}`);
  return found;
}

/** The pages that the links named `name` in `html` (a part of the page at `path`) lead to. */
function linksTo(path: string, html: string, name: string): string[] {
  const links = [...html.matchAll(/<a href="([^"#]+)"[^>]*>([^<]*)<\/a>/g)];
  return links
    .filter(([, , label]) => label === name)
    .map(([, href]) => relative(out, join(out, dirname(path), href!)));
}

/** Every built page, relative to the output folder. */
function pages(): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
}

describe('the API docs', () => {
  let build: { code: number; output: string };

  beforeAll(async () => {
    build = await promisify(execFile)(
      process.execPath,
      [typedoc, '--options', 'typedoc.json', '--out', out, '--treatWarningsAsErrors'],
      { cwd: root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
  }, 60_000);

  it('build for the three entry points without a warning', () => {
    expect(build.output).not.toMatch(/\[(warning|error)\]/);
    expect(build.code).toBe(0);
    for (const path of [
      'index.html',
      'modules/aulm.html',
      'modules/aulm_webhooks.html',
      'modules/aulm_mock-server.html',
      'modules/aulm_mock-server_(browser).html',
    ]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
  });

  it('show `messages.send` returning an APIPromise of a Message, linked to its page', () => {
    const path = 'interfaces/aulm.MessagesResource.html';
    const send = signature(path, { anchor: 'send-1' });
    expect(text(send)).toBe('send(params: SendMessageParams, options?: RequestOptions): APIPromise<Message>');
    expect(linksTo(path, send, 'Message')).toEqual(['interfaces/aulm.Message.html']);
    expect(existsSync(join(out, 'interfaces/aulm.Message.html'))).toBe(true);
  });

  it("show a Message's status and error by their types' names, linked to their pages", () => {
    const path = 'interfaces/aulm.Message.html';
    const status = signature(path, { property: 'status' });
    expect(text(status)).toBe(': MessageStatus');
    expect(linksTo(path, status, 'MessageStatus')).toEqual(['types/aulm.MessageStatus.html']);
    const error = signature(path, { property: 'error' });
    expect(text(error)).toBe(': MessageError | null');
    expect(linksTo(path, error, 'MessageError')).toEqual(['interfaces/aulm.MessageError.html']);
    for (const linked of ['types/aulm.MessageStatus.html', 'interfaces/aulm.MessageError.html']) {
      expect(existsSync(join(out, linked)), linked).toBe(true);
    }
  });

  it('show no schema as the default value of a field', () => {
    // typedoc writes a default after the type, `createdAt: Date = timestamp`, or `= ...` when it is long.
    const defaults = pages().flatMap((path) =>
      [...page(path).matchAll(/<span class="tsd-signature-symbol"> = ([^<]*)<\/span>/g)].map(([, value]) => ({
        path,
        value: text(value!),
      })),
    );
    expect(defaults.length).toBeGreaterThan(0);
    const schemaNames = /^(timestamp|phoneNumber|preview|secret|e164|httpsUrl|idOf\(|z\.)/;
    expect(defaults.filter(({ value }) => schemaNames.test(value))).toEqual([]);
    // No field of a model, parameter object or event has a default: its signature is its name and type.
    const fields = pages()
      .filter((path) => /^(interfaces|types)\//.test(path))
      .flatMap((path) =>
        [
          ...page(path).matchAll(/<div class="tsd-signature"><span class="tsd-kind-property">(.*?)<\/div>/g),
        ].map(([, signature]) => ({ path, signature: text(signature!) })),
      );
    expect(fields.map(({ signature }) => signature)).toContain('createdAt: Date');
    expect(fields.filter(({ signature }) => signature.includes(' = '))).toEqual([]);
  });
});
