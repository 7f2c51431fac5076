// French first: any browser language other than English gets French.
export function greeting(language: string): string {
  return language.toLowerCase().startsWith('en') ? 'Relais — coordination hub' : 'Relais — le hub de coordination';
}
