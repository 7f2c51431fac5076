import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { I18n, pickLanguage } from '../i18n';
import { checkUpload } from './files';
import { mentionAt, rows } from './grouping';
import { markdownToHtml } from './markdown';
import { routeFrame } from './router';
import { TypingTracker } from './typing';
import { alice, bruno, created, message } from './fixtures';

describe('i18n', () => {
  it('is French by default and English for English browsers or by choice', () => {
    expect(pickLanguage(null, ['fr-FR'])).toBe('fr');
    expect(pickLanguage(null, ['de-DE'])).toBe('fr');
    expect(pickLanguage(null, ['en-GB'])).toBe('en');
    expect(pickLanguage('fr', ['en-US'])).toBe('fr');
  });

  it('has the same keys in both catalogues and fills placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    expect(new I18n('fr').t('nav.unread', { count: 3 })).toBe('3 non lus');
  });
});

describe('markdown', () => {
  it('shows HTML typed in a message as text', () => {
    const html = markdownToHtml('<img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders emphasis, links and mentions', () => {
    const html = markdownToHtml('**Réunion** jeudi, voir https://exemple.fr @bruno');
    expect(html).toContain('<strong>Réunion</strong>');
    expect(html).toContain('<a href="https://exemple.fr">');
    expect(html).toContain('<span class="mention" data-username="bruno">@bruno</span>');
  });

  it('does not take an e-mail address for a mention', () => {
    expect(markdownToHtml('contact@exemple.fr')).not.toContain('class="mention"');
  });
});

describe('message rows', () => {
  it('separates days and groups one author within five minutes', () => {
    const list = [
      message(1, { createdAt: '2026-03-02T10:00:00Z' }),
      message(2, { createdAt: '2026-03-03T10:00:00Z' }),
      message(3, { createdAt: '2026-03-03T10:02:00Z' }),
      message(4, { createdAt: '2026-03-03T10:03:00Z', author: bruno }),
    ];
    const r = rows(list, (iso) => iso.slice(0, 10));
    expect(r.map((x) => (x.kind === 'day' ? 'day' : `${x.message.seq}${x.continued ? '+' : ''}`)))
      .toEqual(['day', '1', 'day', '2', '3+', '4']);
  });

  it('finds the @mention being typed', () => {
    expect(mentionAt('Bonjour @bru', 12)).toEqual({ query: 'bru', start: 8 });
    expect(mentionAt('mail@bru', 8)).toBeNull();
  });
});

describe('event router', () => {
  it('sends each frame to exactly one handler', () => {
    const seen: string[] = [];
    const h = {
      channelEvent: () => seen.push('channel'), typing: () => seen.push('typing'),
      notification: () => seen.push('notification'), error: () => seen.push('error'), presence: () => seen.push('presence'),
    };
    routeFrame('/topic/channels.fed-29', JSON.stringify(created(1)), h);
    routeFrame('/topic/channels.fed-29', JSON.stringify({ type: 'typing', channelId: 'fed-29', user: bruno }), h);
    routeFrame('/user/queue/events', JSON.stringify({ type: 'mention', channelId: 'fed-29' }), h);
    routeFrame('/user/queue/errors', JSON.stringify({ type: 'error', code: 'forbidden' }), h);
    routeFrame('/topic/presence', JSON.stringify({ type: 'presence', userId: 'x', status: 'online' }), h);
    expect(routeFrame('/topic/channels.fed-75', JSON.stringify(created(1)), h)).toBe(false);
    expect(routeFrame('/topic/channels.fed-29', 'not json', h)).toBe(false);
    expect(seen).toEqual(['channel', 'typing', 'notification', 'error', 'presence']);
  });
});

describe('typing', () => {
  it('shows others typing for five seconds, never me', () => {
    let now = 0;
    const t = new TypingTracker(alice.id, () => now);
    t.onTyping({ type: 'typing', channelId: 'fed-29', user: bruno });
    t.onTyping({ type: 'typing', channelId: 'fed-29', user: alice });
    expect(t.typing('fed-29').map((u) => u.username)).toEqual(['bruno']);
    now = 5001;
    expect(t.typing('fed-29')).toEqual([]);
  });
});

describe('upload checks', () => {
  it('refuses other types, too large files and too many files with a clear reason', () => {
    expect(checkUpload({ type: 'image/png', size: 1000 }, null, 0)).toBeNull();
    expect(checkUpload({ type: 'image/svg+xml', size: 1000 }, null, 0)).toBe('upload.badType');
    expect(checkUpload({ type: 'text/html', size: 10 }, null, 0)).toBe('upload.badType');
    expect(checkUpload({ type: 'video/mp4', size: 60 * 1024 * 1024 }, null, 0)).toBe('upload.tooLarge');
    expect(checkUpload({ type: 'application/pdf', size: 10 }, null, 10)).toBe('upload.tooMany');
  });
});
