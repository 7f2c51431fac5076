import DOMPurify from 'dompurify';
import { markdownToHtml } from '../state/markdown';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

const ALLOWED = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'span',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input'],
  ALLOWED_ATTR: ['href', 'class', 'data-username', 'type', 'checked', 'disabled', 'target', 'rel'],
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
};

/** Markdown → safe HTML for the page (raw HTML already escaped; DOMPurify removes anything left). */
export function renderMarkdown(text: string): string {
  return DOMPurify.sanitize(markdownToHtml(text), ALLOWED) as string;
}
