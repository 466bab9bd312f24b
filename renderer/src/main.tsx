/**
 * The renderer's entry: picks the language (the stored choice, else the OS
 * locale), starts i18next, and mounts the app. Nothing renders before the
 * language is known, so no screen ever flashes in the wrong language.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLanguage } from '../../shared/i18n';
import type { Language } from '../../shared/ipc';
import { App } from './App';
import { dalel } from './dalel';
import { startI18n } from './i18n';
import './styles/base.css';
import './styles/shell.css';
import './styles/form.css';
import './styles/incidents.css';
import './styles/intervals.css';
import './styles/security.css';
import './styles/attachments.css';
import './styles/bundles.css';

async function initialLanguage(): Promise<Language> {
  const [settings, info] = await Promise.all([dalel().settings.get({}), dalel().app.info({})]);
  if (settings.ok && settings.value.language) return settings.value.language;
  return pickLanguage(info.ok ? info.value.osLocale : navigator.language);
}

async function start(): Promise<void> {
  await startI18n(await initialLanguage());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
