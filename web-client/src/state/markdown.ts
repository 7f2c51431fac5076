import { Marked, type Tokens } from 'marked';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]);
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML typed in a message is shown as text, never interpreted.
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    // Images are not loaded from elsewhere (privacy, no tracking pixels): shown as links.
    image(token: Tokens.Image) {
      return `<a href="${escapeHtml(token.href)}">${escapeHtml(token.text || token.href)}</a>`;
    },
  },
  extensions: [
    {
      name: 'mention',
      level: 'inline',
      start(src: string) {
        const i = src.search(/(^|[^\w@])@[\w.-]/);
        return i < 0 ? undefined : i + (src[i] === '@' ? 0 : 1);
      },
      tokenizer(src: string) {
        const m = /^@([\p{L}\p{N}_.-]*[\p{L}\p{N}_])/u.exec(src);
        return m ? { type: 'mention', raw: m[0], username: m[1] } : undefined;
      },
      renderer(token) {
        const name = String(token.username);
        const everyone = ['channel', 'all', 'here'].includes(name);
        return `<span class="mention${everyone ? ' mention-all' : ''}" data-username="${escapeHtml(name)}">@${escapeHtml(name)}</span>`;
      },
    },
  ],
});

/**
 * Message Markdown to HTML. Raw HTML is escaped here, and the result is still passed through the DOM
 * sanitiser before it reaches the page (defence in depth, see views/markdownView.ts).
 */
export function markdownToHtml(text: string): string {
  return marked.parse(text) as string;
}
