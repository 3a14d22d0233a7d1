// Tests run against the sources; `aulm`, `aulm/webhooks` and `aulm/mock-server` resolve as users import them.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^aulm\/mock-server$/, replacement: here('./mock-server/index.ts') },
      { find: /^aulm\/webhooks$/, replacement: here('./src/webhooks/index.ts') },
      { find: /^aulm$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
