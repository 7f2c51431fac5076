import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { I18n } from '../i18n';
import type { AppModel } from '../state/app';

export interface Ui {
  i18n: I18n;
  setLanguage(language: 'fr' | 'en'): void;
  dark: boolean;
  setDark(dark: boolean): void;
  logout(): void;
}

export const UiContext = createContext<Ui>(null as unknown as Ui);

export function useUi(): Ui {
  return useContext(UiContext);
}

export function useT() {
  return useContext(UiContext).i18n.t;
}

/** Re-renders the component whenever the view model changes. */
export function useModel(model: AppModel): AppModel {
  const [, setVersion] = useState(0);
  useEffect(() => model.subscribe(() => setVersion((n) => n + 1)), [model]);
  return model;
}
