import { UserConfigFn } from 'vite';
import { overrideVaadinConfig } from './vite.generated';

const customConfig: UserConfigFn = (env) => ({
  // Here you can add custom Vite parameters
  // https://vitejs.dev/config/
  // Workers as ES modules: the viewer's key-derivation worker loads libsodium by dynamic import, which
  // Vite's default classic (IIFE) worker bundle cannot split off.
  worker: { format: 'es' },
});

export default overrideVaadinConfig(customConfig);
