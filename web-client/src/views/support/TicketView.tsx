import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ticket, TicketPost } from '../../api/support';
import type { Attachment } from '../../api/types';
import type { AppModel } from '../../state/app';
import { formatSize } from '../../state/files';
import type { PendingPost, SupportModel } from '../../state/support/model';
import { slaTimers } from '../../state/support/sla';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';
import { renderMarkdown } from '../markdownView';
import { Avatar } from '../MessageItem';
import { StatusBadge, label, slaText, useNow } from './common';
import { ReplyBox } from './ReplyBox';
import { StaffActions } from './StaffActions';

/**
 * One ticket, for either side: the description and public conversation (and, for staff only, the
 * internal notes, unmistakably marked), the reply box, and the side's actions. Live through the ticket's
 * topic: the requester's view subscribes to the public topic, staff to the staff topic.
 */
export function TicketView(props: { model: AppModel }) {
  const support = props.model.support!;
  const t = useT();
  const { i18n } = useUi();
  const thread = support.thread;
  const ticket = thread?.ticket;
  const staff = support.staff;
  const end = useRef<HTMLDivElement>(null);
  const count = (thread?.posts.length ?? 0) + support.pending.length;
  const seen = useRef<{ id: string; count: number } | null>(null);
  // A post arriving while the ticket is open brings it into view; opening the ticket shows its top.
  useEffect(() => {
    const id = thread?.loaded ? thread.ticketId : null;
    if (id && seen.current?.id === id && count > seen.current.count) end.current?.scrollIntoView?.({ block: 'nearest' });
    if (id) seen.current = { id, count };
  }, [count, thread?.loaded, thread?.ticketId]);
  if (!thread || !ticket) {
    return (
      <div class="support-screen">
        <h2 tabIndex={-1}>{t('support.ticket.loading')}</h2>
        <BackToList support={support} />
      </div>
    );
  }
  const others = thread.viewers.filter((v) => v.id !== support.me.id);
  return (
    <article class={`ticket-view ${staff ? 'as-staff' : 'as-requester'}`} data-ticket-id={ticket.id} aria-labelledby="ticket-title">
      <div class="ticket-main">
        <BackToList support={support} />
        <header class="ticket-head">
          <h2 id="ticket-title" tabIndex={-1}>
            <span class="number">{t('support.ticket.title', { number: ticket.number })}</span> {ticket.subject}
          </h2>
          <p class="meta">
            <StatusBadge t={t} status={ticket.status} audience={staff ? 'staff' : 'requester'} />
            <span>{label(t, 'support.category', ticket.category)}</span>
            <span>{t('support.ticket.openedBy', { name: ticket.requester.displayName, federation: ticket.federation })}{' · '}
              <time dateTime={ticket.createdAt}>{i18n.day(ticket.createdAt)} {i18n.time(ticket.createdAt)}</time></span>
          </p>
          <p class="viewers" aria-live="polite" data-testid="ticket-viewers">
            {others.length > 0 && <><Icon name="eye" size={16} /> {t('support.ticket.viewers', { names: others.map((v) => v.displayName).join(', ') })}</>}
          </p>
        </header>
        <section class="ticket-description" aria-label={t('support.ticket.description')}>
          <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(ticket.description) }} />
          {ticket.attachments.length > 0 && <TicketFiles model={props.model} files={ticket.attachments} />}
        </section>
        <section class="conversation" aria-labelledby="conversation-title">
          <h3 id="conversation-title">{t('support.ticket.conversation')}</h3>
          <div role="log" aria-live="polite" aria-relevant="additions" class="posts" data-testid="ticket-posts">
            {thread.posts.length === 0 && support.pendingFor(ticket.id).length === 0 && <p class="muted">{t('support.ticket.empty')}</p>}
            {thread.posts.map((p) => <PostItem key={p.id} model={props.model} post={p} />)}
            {support.pendingFor(ticket.id).map((p) => <PendingItem key={p.clientMessageId} support={support} item={p} />)}
            <div ref={end} />
          </div>
        </section>
        {!staff && <RequesterActions support={support} ticket={ticket} />}
        <ReplyBox model={props.model} ticket={ticket} />
      </div>
      <aside class="ticket-side" aria-label={staff ? t('support.actions.title') : t('support.ticket.history')}>
        {staff && <SlaTimers support={support} ticket={ticket} />}
        {staff && <StaffActions model={props.model} ticket={ticket} />}
        {!staff && (
          <p class="assignee">{ticket.assignee ? t('support.ticket.assignee', { name: ticket.assignee.displayName }) : t('support.ticket.noAssignee')}</p>
        )}
        {staff && ticket.satisfaction && <p class="rating-given">{t('support.rate.given', { rating: ticket.satisfaction.rating })}
          {ticket.satisfaction.comment && <q>{ticket.satisfaction.comment}</q>}</p>}
        <details class="history">
          <summary>{t('support.ticket.history')}</summary>
          <ol>
            {ticket.history.map((h, i) => (
              <li key={i}>
                <time dateTime={h.at}>{i18n.day(h.at)} {i18n.time(h.at)}</time> · {h.actor?.displayName ?? 'Relais'} · {label(t, 'support.history', h.action)}
                {h.to ? ` → ${h.action === 'status' ? label(t, 'support.status', h.to) : h.action === 'transferred' ? label(t, 'support.queue', h.to) : h.action === 'priority' ? label(t, 'support.priority', h.to) : h.action === 'rated' ? `${h.to}/5` : ''}` : ''}
              </li>
            ))}
          </ol>
        </details>
        <a class="button" href={`/api/v1/support/tickets/${encodeURIComponent(ticket.id)}/export`}
          onClick={(e) => { e.preventDefault(); void download(props.model, ticket); }}>{t('support.ticket.export')}</a>
      </aside>
    </article>
  );
}

function BackToList(props: { support: SupportModel }) {
  const t = useT();
  return (
    <button type="button" class="link back-to-list" onClick={() => void props.support.show(props.support.home)}>
      <Icon name="back" size={16} /> {t('support.ticket.backToList')}
    </button>
  );
}

function PostItem(props: { model: AppModel; post: TicketPost }) {
  const t = useT();
  const { i18n } = useUi();
  const p = props.post;
  const internal = p.visibility === 'internal';
  return (
    <article class={`post ${internal ? 'internal' : ''} ${p.fromStaff ? 'from-staff' : ''}`} data-post-id={p.id} data-visibility={p.visibility}
      aria-label={`${internal ? `${t('support.reply.note')}, ` : ''}${p.author.displayName}, ${i18n.time(p.createdAt)}`}>
      {internal && <p class="internal-label"><Icon name="lock" size={14} /> {t('support.ticket.internal')}</p>}
      <header>
        <Avatar name={p.author.displayName} small />
        <strong>{p.author.displayName}</strong>
        {p.fromStaff && <span class="tag">{t('support.ticket.staffBadge')}</span>}
        <time dateTime={p.createdAt}>{i18n.day(p.createdAt)} {i18n.time(p.createdAt)}</time>
      </header>
      {p.text && <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(p.text) }} />}
      {p.attachments.length > 0 && <TicketFiles model={props.model} files={p.attachments} />}
    </article>
  );
}

function PendingItem(props: { support: SupportModel; item: PendingPost }) {
  const t = useT();
  const p = props.item;
  return (
    <article class={`post pending ${p.internal ? 'internal' : ''}`} data-pending={p.clientMessageId}>
      {p.internal && <p class="internal-label"><Icon name="lock" size={14} /> {t('support.ticket.internal')}</p>}
      <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(p.text) }} />
      {p.state === 'sending' ? <p class="status muted">{t('support.reply.pending')}</p> : (
        <p class="status error" role="alert">
          {t('support.reply.failed', { reason: t(`support.error.${p.error}`) === `support.error.${p.error}` ? (p.error ?? '') : t(`support.error.${p.error}`) })}
          {' '}<button type="button" class="link" onClick={() => void props.support.retry(p.clientMessageId)}>{t('support.reply.retry')}</button>
          <button type="button" class="link" onClick={() => props.support.discard(p.clientMessageId)}>{t('support.reply.discard')}</button>
        </p>
      )}
    </article>
  );
}

/** Files of a ticket or a post: a link when the hub gives one, the name and size otherwise. */
function TicketFiles(props: { model: AppModel; files: Attachment[] }) {
  return (
    <ul class="ticket-files">
      {props.files.map((f) => <TicketFile key={f.id} model={props.model} file={f} />)}
    </ul>
  );
}

function TicketFile(props: { model: AppModel; file: Attachment }) {
  const t = useT();
  const f = props.file;
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    props.model.rest.file(f.id).then((x) => { if (live) setUrl(x.url); }).catch(() => { if (live) setUrl(null); });
    return () => { live = false; };
  }, [f.id]);
  const text = `${f.name} · ${formatSize(f.size)}`;
  return (
    <li class="file-card">
      <span class="file-icon" aria-hidden="true">{f.contentType.startsWith('image/') ? 'IMG' : f.contentType.startsWith('video/') ? 'VID' : 'PDF'}</span>
      {url ? <a href={url} target="_blank" rel="noopener">{text}</a>
        : url === null ? <span class="muted">{t('support.attachment.unavailable', { name: text })}</span> : <span>{text}</span>}
    </li>
  );
}

function RequesterActions(props: { support: SupportModel; ticket: Ticket }) {
  const { support, ticket } = props;
  const t = useT();
  const { i18n } = useUi();
  return (
    <>
      {support.canReopen() && (
        <div class="reopen">
          <button type="button" onClick={() => void support.reopen()}>{t('support.reopen')}</button>
          <span class="muted">{t('support.reopenUntil', { date: `${i18n.day(ticket.reopenableUntil!)} ${i18n.time(ticket.reopenableUntil!)}` })}</span>
        </div>
      )}
      {support.canRate() && <RatingForm support={support} ticket={ticket} />}
    </>
  );
}

function RatingForm(props: { support: SupportModel; ticket: Ticket }) {
  const t = useT();
  const given = props.ticket.satisfaction;
  const [editing, setEditing] = useState(!given);
  const [rating, setRating] = useState(given?.rating ?? 0);
  const [comment, setComment] = useState(given?.comment ?? '');
  if (!editing && given) {
    return (
      <section class="rating done" aria-label={t('support.rate.title')}>
        <p role="status">{t('support.rate.done', { rating: given.rating })}</p>
        <button type="button" class="link" onClick={() => setEditing(true)}>{t('support.rate.update')}</button>
      </section>
    );
  }
  return (
    <form class="rating" aria-labelledby="rating-title" onSubmit={(e) => {
      e.preventDefault();
      if (rating < 1) return;
      void props.support.rate(rating, comment).then((ok) => { if (ok) setEditing(false); });
    }}>
      <h3 id="rating-title">{t('support.rate.title')}</h3>
      <fieldset class="stars">
        <legend>{t('support.rate.legend')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class={n <= rating ? 'on' : ''}>
            <input type="radio" name="rating" value={n} checked={rating === n} class="visually-hidden"
              onChange={() => setRating(n)} />
            <span aria-hidden="true">★</span>
            <span class="visually-hidden">{t('support.rate.star', { n })}</span>
          </label>
        ))}
      </fieldset>
      <label class="stack-label">{t('support.rate.comment')}
        <textarea rows={2} value={comment} maxLength={2000} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" disabled={rating < 1}>{t('support.rate.submit')}</button>
    </form>
  );
}

function SlaTimers(props: { support: SupportModel; ticket: Ticket }) {
  const t = useT();
  const now = useNow(1000 * 30);
  const timers = slaTimers(props.ticket, now, props.support.config, props.support.thread?.atRisk());
  return (
    <section class="sla-box" aria-label={t('support.list.sla')}>
      <ul>
        {timers.map((x) => (
          <li key={x.timer} class={`sla-chip ${x.level}`} data-timer={x.timer} data-level={x.level}>
            <Icon name="clock" size={14} /> {slaText(t, x)}
          </li>
        ))}
      </ul>
      <p class="muted small">{label(t, 'support.priority', props.ticket.priority)} · {label(t, 'support.queue', props.ticket.queue)} · {t('support.ticket.federation', { code: props.ticket.federation })}</p>
    </section>
  );
}

async function download(model: AppModel, ticket: Ticket): Promise<void> {
  try {
    const data = await model.rest.request<unknown>('GET', `/api/v1/support/tickets/${encodeURIComponent(ticket.id)}/export`);
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `ticket-${ticket.number}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } catch {
    model.setNotice('error.generic');
  }
}
