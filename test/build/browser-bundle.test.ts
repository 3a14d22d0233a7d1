// A browser bundle of `aulm` and of `aulm/mock-server`, made as a user's bundler makes it (esbuild, platform
// browser, resolving the package through its `exports` map), must hold no `node:` import and no undici.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundlePackage, root } from './bundle.js';

const bundle = (source: string, platform: 'browser' | 'neutral' = 'browser') =>
  bundlePackage(source, { platform, minify: true });

describe('the browser build of aulm', () => {
  beforeAll(() => {
    for (const entry of ['browser', 'mock-server-browser'])
      if (!existsSync(`${root}dist/${entry}/index.js`))
        throw new Error(`dist/${entry} is missing: run \`npm run build\``);
  });

  it('resolves to the browser build and holds no node: import and no undici', async () => {
    const { code, inputs } = await bundle(
      "import { Aulm } from 'aulm'; export const client = new Aulm({ apiKey: 'aulm_test_x', dangerouslyAllowBrowser: true });",
    );
    expect(inputs.some((input) => input.includes('dist/browser/'))).toBe(true);
    expect(inputs.filter((input) => input.includes('undici'))).toEqual([]);
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(/(from|import\(|require\()\s*["']undici/);
  });

  it('resolves to the fetch build for a worker bundler too', async () => {
    const { code, inputs } = await bundle("export { Aulm } from 'aulm';", 'neutral');
    expect(inputs.some((input) => input.includes('dist/browser/'))).toBe(true);
    expect(code).not.toMatch(/["']node:|(from|import\(|require\()\s*["']undici/);
  });

  it('resolves aulm/mock-server to its browser build: msw/browser, no msw/node, no undici, no node:', async () => {
    const { code, inputs } = await bundle(
      "export { createAulmMock, startAulmMock } from 'aulm/mock-server';",
    );
    expect(inputs.filter((input) => input.startsWith('dist/'))).toEqual([
      'dist/mock-server-browser/index.js',
    ]);
    expect(inputs.some((input) => input.startsWith('node_modules/msw/lib/browser/'))).toBe(true);
    expect(inputs.filter((input) => /node_modules\/(undici|msw\/lib\/node)\//.test(input))).toEqual([]);
    expect(code).not.toMatch(/["']node:|(from|import\(|require\()\s*["'](undici|msw\/node)/);
    expect(code).not.toContain('ZodCompile'); // its zod runs without generated code, as the SDK's does
  });

  it('runs zod/mini as it is, without zod compile and its generated code', async () => {
    const { code } = await bundle("export { Aulm } from 'aulm';");
    expect(code).not.toMatch(/(from|import\(|require\()\s*["']zod/);
    expect(code).toContain('No matching discriminator'); // zod's own discriminated union
    expect(code).not.toContain('ZodCompile'); // zod's compile, which generates parsers
  });
});
