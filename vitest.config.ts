import { defineConfig } from 'vitest/config';
import { yamlPacks } from './scripts/yaml-plugin.mjs';

export default defineConfig({
  plugins: [yamlPacks()],
  define: { __BUNDLED__: 'false', __VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0-dev') },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
