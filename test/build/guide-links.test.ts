// The guides' links (README.md, docs/, examples/, bench/, mock-server/): every link to a file of the
// repository reaches a file that is there, and every `#anchor` a heading of the page it names, as GitHub
// makes anchors of headings. A section renamed or removed breaks the links to it here, not for a reader.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The Markdown files git tracks, but the changelog and the changesets, which quote history.
const guides = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file !== '' && file !== 'CHANGELOG.md' && !file.startsWith('.changeset/'));

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  // Headings outside fenced code, each anchor numbered after its first use as GitHub does.
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const anchor = anchorOf(heading!);
    const count = seen.get(anchor) ?? 0;
    anchors.add(count === 0 ? anchor : `${anchor}-${count}`);
    seen.set(anchor, count + 1);
  }
  return anchors;
}

/** Each link of a page to a place in the repository, as written: its target path and its anchor. */
function linksOf(markdown: string): Array<{ target: string; anchor: string | null }> {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  const links = [];
  for (const [, href] of text.matchAll(/\]\(([^()\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(href!)) continue; // https:, mailto:
    const [target, anchor] = href!.split('#') as [string, string | undefined];
    links.push({ target, anchor: anchor ?? null });
  }
  return links;
}

describe('the links of the guides', () => {
  it('finds the guides', () => {
    expect(guides).toEqual(expect.arrayContaining(['README.md', 'docs/decisions.md', 'docs/testing.md']));
  });

  it.each(guides)('of %s reach files that are there, and headings that are there', (guide) => {
    const markdown = readFileSync(join(root, guide), 'utf8');
    const broken: string[] = [];
    for (const { target, anchor } of linksOf(markdown)) {
      const file = target === '' ? join(root, guide) : join(root, dirname(guide), decodeURI(target));
      if (!existsSync(file)) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (anchor !== null && !anchorsOf(readFileSync(file, 'utf8')).has(anchor)) {
        broken.push(`${target}#${anchor}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('makes anchors as GitHub does', () => {
    expect(anchorOf('Privacy requests in the reference server')).toBe(
      'privacy-requests-in-the-reference-server',
    );
    expect(anchorOf('Webhook verification in the SDK (`src/webhooks/`)')).toBe(
      'webhook-verification-in-the-sdk-srcwebhooks',
    );
    expect(anchorsOf('# Errors\n\n## Errors\n')).toEqual(new Set(['errors', 'errors-1']));
  });
});
