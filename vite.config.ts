import { UserConfigFn } from 'vite';
import { overrideVaadinConfig } from './vite.generated';
import { brandIcons } from './build/brand-icon-build';

const customConfig: UserConfigFn = (env) => ({
  // Here you can add custom Vite parameters
  // https://vitejs.dev/config/
  // Workers as ES modules: the viewer's key-derivation worker loads libsodium by dynamic import, which
  // Vite's default classic (IIFE) worker bundle cannot split off.
  worker: { format: 'es' },
  // The brand icons of the code cards, extracted from simple-icons into one chunk loaded after the first
  // codes are shown (frontend/icons/brand-icon.ts).
  plugins: [brandIcons()],
});

export default overrideVaadinConfig(customConfig);
