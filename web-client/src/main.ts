import { greeting } from './i18n';

const app = document.querySelector<HTMLDivElement>('#app')!;
app.textContent = greeting(navigator.language);
