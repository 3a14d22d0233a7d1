// Releases: `npx changeset version` turns the notes in `.changeset/` into the next version and its section
// of CHANGELOG.md. Run on a copy of the repository's package.json, changelog and notes, so that a note
// that changesets cannot read, or a config that it refuses, fails here and not on release day.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './bundle.js';

const run = promisify(execFile);
const notes = (await readdir(`${root}.changeset`)).filter((name) => name.endsWith('.md'));
const work = await mkdtemp(join(tmpdir(), 'aulm-changesets-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** The text of a note, without its front matter, on one line. */
async function noteText(name: string): Promise<string> {
  const text = await readFile(`${root}.changeset/${name}`, 'utf8');
  return text
    .replace(/^---[\s\S]*?---\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('changesets', () => {
  it('writes every note into the next version of CHANGELOG.md, and bumps the version', async () => {
    expect(notes.length).toBeGreaterThan(0);
    for (const path of ['package.json', 'CHANGELOG.md', '.changeset']) {
      await cp(`${root}${path}`, join(work, path), { recursive: true });
    }
    const git = (...args: string[]) =>
      run('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@aulm.io', ...args], { cwd: work });
    await git('init', '-q');
    await git('add', '-A');
    await git('commit', '-qm', 'release');
    await run(process.execPath, [`${root}node_modules/@changesets/cli/bin.js`, 'version'], { cwd: work });

    const before = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as { version: string };
    const after = JSON.parse(await readFile(join(work, 'package.json'), 'utf8')) as { version: string };
    expect(after.version).not.toBe(before.version);
    const changelog = (await readFile(join(work, 'CHANGELOG.md'), 'utf8')).replace(/\s+/g, ' ');
    expect(changelog).toContain(`## ${after.version}`);
    for (const name of notes) expect(changelog, name).toContain(await noteText(name));
    expect((await readdir(join(work, '.changeset'))).filter((name) => name.endsWith('.md'))).toEqual([]);
  });
});
