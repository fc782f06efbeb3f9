// Unit tests of the client-side TypeScript under frontend/. Deliberately separate from the vite.config.ts
// that Vaadin generates (vitest prefers this file), and it imports nothing from it: the tests must not
// depend on Vaadin's build plugins or on a Spring Boot server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['frontend/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
    // Argon2id at 64 MiB takes a few hundred ms; the 256 MiB / 16 test sets its own, longer limit.
    testTimeout: 30_000,
  },
});
