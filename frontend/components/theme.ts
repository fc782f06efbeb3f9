// Dark and light: the system's choice (prefers-color-scheme) unless the person picked one with the toggle,
// which this browser remembers. Lumo switches its palette on <html theme="dark">.

const STORAGE_KEY = 'keyhole.theme';
type Theme = 'dark' | 'light';

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

export function currentTheme(): Theme {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return systemDark() ? 'dark' : 'light';
}

export function applyTheme(theme: Theme = currentTheme()): void {
  document.documentElement.setAttribute('theme', theme);
  document.documentElement.style.colorScheme = theme;
}

export function toggleTheme(): Theme {
  const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
  localStorage.setItem(STORAGE_KEY, next);
  applyTheme(next);
  return next;
}

/** Follows the system while the person has not chosen. */
export function followSystemTheme(): void {
  applyTheme();
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme());
}
