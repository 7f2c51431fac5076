import { useState } from 'preact/hooks';
import type { AckState, RelayItem } from '../../api/relay';
import type { RelayModel } from '../../state/relay/model';
import { actionsFor, latestChangeRequest, localInput } from '../../state/relay/queue';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';
import { renderMarkdown } from '../markdownView';
import { Figures } from './Figures';
import { ProposeForm } from './ProposeForm';
import { fullDate } from './RelayArea';
import { StatusBadge, targetText } from './common';

/** One item: its content, status and history, and the actions this person may take now. */
export function ItemView(props: { relay: RelayModel }) {
  const { relay } = props;
  const t = useT();
  const { i18n } = useUi();
  const [editing, setEditing] = useState(false);
  const item = relay.item;
  const back = relay.reviewer ? 'review' : 'mine';
  if (!item) return <div class="relay-screen"><h2 tabIndex={-1}>{t('relay.loading')}</h2></div>;
  const actions = actionsFor(relay.me, item);
  const change = latestChangeRequest(item);
  return (
    <article class="relay-screen relay-item" data-testid="relay-item" data-status={item.status}>
      <button type="button" class="link" onClick={() => void relay.show({ kind: 'tab', tab: back })}>
        <Icon name="back" size={14} /> {t(`relay.backTo.${back}`)}
      </button>
      <header class="relay-item-head">
        <h2 tabIndex={-1}>{t('relay.item.title', { author: item.author.username })}</h2>
        <StatusBadge status={item.status} />
      </header>
      <dl class="relay-meta">
        <dt>{t('relay.item.target')}</dt><dd>{targetText(t, item.target)}</dd>
        {item.wishedAt && <><dt>{t('relay.item.wishedAt')}</dt><dd>{fullDate(i18n.locale, item.wishedAt)}</dd></>}
        {item.scheduledAt && <><dt>{t('relay.item.scheduledAt')}</dt><dd data-testid="scheduled-at" data-at={item.scheduledAt}>{fullDate(i18n.locale, item.scheduledAt)}</dd></>}
        {item.consigne && <><dt>{t('relay.item.consigne')}</dt>
          <dd>{t(`relay.consigne.requires.${item.consigne.requires}`)} · {t('relay.consigne.deadline', { when: fullDate(i18n.locale, item.consigne.deadline) })}</dd></>}
      </dl>
      {change && item.status === 'CHANGES_REQUESTED' && (
        <div class="relay-change" role="note">
          <strong>{t('relay.item.changeRequested')}</strong>
          <p>{change}</p>
        </div>
      )}
      {editing ? <ProposeForm relay={relay} item={item} onDone={() => setEditing(false)} /> : (
        <section class="relay-content" aria-label={t('relay.item.content')}>
          <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(item.text) }} />
          {item.visuals.length > 0 && (
            <div class="relay-visuals">{item.visuals.map((v) => <img key={v} src={v} alt={t('relay.visualAlt')} loading="lazy" />)}</div>
          )}
          {item.links.length > 0 && (
            <ul class="relay-links">{item.links.map((l) => <li key={l}><a href={l} target="_blank" rel="noopener noreferrer">{l}</a></li>)}</ul>
          )}
        </section>
      )}
      {!editing && actions.includes('edit') && (
        <button type="button" onClick={() => setEditing(true)}><Icon name="edit" size={16} /> {t('relay.action.edit')}</button>
      )}
      {(actions.includes('approve') || actions.includes('release') || actions.includes('requestChanges') || actions.includes('reject')) && (
        <ReviewActions relay={relay} item={item} actions={actions} />
      )}
      {actions.includes('board') && (
        <p><button type="button" class="primary" onClick={() => void relay.show({ kind: 'board', id: item.id })}>
          <Icon name="chart" size={16} /> {t('relay.board.open')}</button></p>
      )}
      {relay.figures && relay.figures.item.id === item.id && <Figures figures={relay.figures} />}
      <History item={item} />
      {actions.includes('comment') && <CommentForm relay={relay} item={item} />}
    </article>
  );
}

function ReviewActions(props: { relay: RelayModel; item: RelayItem; actions: string[] }) {
  const { relay, item, actions } = props;
  const t = useT();
  const { i18n } = useUi();
  const [when, setWhen] = useState<'slot' | 'chosen'>('slot');
  const [at, setAt] = useState(localInput(Date.now() + 3_600_000));
  const [consigne, setConsigne] = useState(false);
  const [requires, setRequires] = useState<AckState>('READ');
  const [deadline, setDeadline] = useState('');
  const [changes, setChanges] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const release = actions.includes('release');
  async function approve(e: Event) {
    e.preventDefault();
    const chosen = when === 'chosen' ? new Date(at) : null;
    if (chosen && Number.isNaN(chosen.getTime())) { setProblem('at'); return; }
    setProblem(null);
    if (release) {
      await relay.release(item.id, chosen?.toISOString());
      return;
    }
    await relay.approve(item.id, {
      at: chosen?.toISOString(),
      consigne: consigne ? { requires, deadline: deadline ? new Date(deadline).toISOString() : undefined } : undefined,
    });
  }
  return (
    <section class="relay-review" aria-labelledby="review-title">
      <h3 id="review-title">{t('relay.review.title')}</h3>
      {(actions.includes('approve') || release) && (
        <form class="relay-approve" onSubmit={approve} data-testid="approve-form">
          <fieldset>
            <legend>{release ? t('relay.review.releaseWhen') : t('relay.review.when')}</legend>
            <label class="radio">
              <input type="radio" name="when" checked={when === 'slot'} onChange={() => setWhen('slot')} />
              {t('relay.review.nextSlot', { when: relay.slots ? fullDate(i18n.locale, relay.slots.next) : '—' })}
            </label>
            <label class="radio">
              <input type="radio" name="when" checked={when === 'chosen'} onChange={() => setWhen('chosen')} />
              {t('relay.review.chosen')}
            </label>
            {when === 'chosen' && (
              <div class="fld">
                <label for="approve-at">{t('relay.review.at')}</label>
                <input id="approve-at" type="datetime-local" step={1} value={at} aria-invalid={problem === 'at'}
                  onInput={(e) => setAt(e.currentTarget.value)} />
              </div>
            )}
          </fieldset>
          {!release && relay.staff && (
            <fieldset>
              <legend>{t('relay.consigne.title')}</legend>
              <label class="radio">
                <input type="checkbox" checked={consigne} onChange={(e) => setConsigne(e.currentTarget.checked)} /> {t('relay.consigne.make')}
              </label>
              {consigne && (
                <div class="relay-consigne-fields">
                  <div class="fld">
                    <label for="consigne-requires">{t('relay.consigne.requiresLabel')}</label>
                    <select id="consigne-requires" value={requires} onChange={(e) => setRequires(e.currentTarget.value as AckState)}>
                      <option value="READ">{t('relay.consigne.requires.READ')}</option>
                      <option value="RELAYED">{t('relay.consigne.requires.RELAYED')}</option>
                    </select>
                  </div>
                  <div class="fld">
                    <label for="consigne-deadline">{t('relay.consigne.deadlineLabel')}</label>
                    <input id="consigne-deadline" type="datetime-local" value={deadline} aria-describedby="consigne-deadline-help"
                      onInput={(e) => setDeadline(e.currentTarget.value)} />
                    <span class="help" id="consigne-deadline-help">{t('relay.consigne.deadlineHelp')}</span>
                  </div>
                </div>
              )}
            </fieldset>
          )}
          <button type="submit" class="primary" disabled={relay.busy}>{release ? t('relay.action.release') : t('relay.action.approve')}</button>
        </form>
      )}
      {actions.includes('requestChanges') && (
        <form class="relay-inline" onSubmit={(e) => {
          e.preventDefault();
          if (!changes.trim()) { setProblem('changes'); document.getElementById('changes-text')?.focus(); return; }
          setProblem(null);
          void relay.requestChanges(item.id, changes.trim()).then((ok) => ok && setChanges(''));
        }}>
          <div class="fld">
            <label for="changes-text">{t('relay.review.changes')}</label>
            <textarea id="changes-text" rows={2} value={changes} aria-invalid={problem === 'changes'} aria-describedby={problem === 'changes' ? 'changes-problem' : undefined}
              onInput={(e) => setChanges(e.currentTarget.value)} />
            {problem === 'changes' && <span class="form-problem" id="changes-problem">{t('relay.review.changesRequired')}</span>}
          </div>
          <button type="submit" disabled={relay.busy}>{t('relay.action.requestChanges')}</button>
        </form>
      )}
      {actions.includes('reject') && (
        <form class="relay-inline" onSubmit={(e) => {
          e.preventDefault();
          if (confirm(t('relay.review.rejectConfirm'))) void relay.reject(item.id, reason.trim() || undefined);
        }}>
          <div class="fld">
            <label for="reject-text">{t('relay.review.rejectReason')}</label>
            <input id="reject-text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </div>
          <button type="submit" class="danger" disabled={relay.busy}>{t('relay.action.reject')}</button>
        </form>
      )}
    </section>
  );
}

function History(props: { item: RelayItem }) {
  const t = useT();
  const { i18n } = useUi();
  return (
    <section class="relay-history" aria-labelledby="history-title">
      <h3 id="history-title">{t('relay.history')}</h3>
      <ol data-testid="relay-history">
        {props.item.history.map((h, i) => (
          <li key={i} class={`h-${h.action}`}>
            <span><strong>{h.by.username}</strong> {t(`relay.action.past.${h.action}`)}</span>
            <time class="muted small" dateTime={h.at}>{fullDate(i18n.locale, h.at)}</time>
            {h.comment && h.action !== 'approved' && h.action !== 'released' && <p class="comment">{h.comment}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CommentForm(props: { relay: RelayModel; item: RelayItem }) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <form class="relay-inline" onSubmit={(e) => {
      e.preventDefault();
      if (text.trim()) void props.relay.comment(props.item.id, text.trim()).then((ok) => ok && setText(''));
    }}>
      <div class="fld">
        <label for="comment-text">{t('relay.comment')}</label>
        <textarea id="comment-text" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <button type="submit" disabled={props.relay.busy || !text.trim()}>{t('relay.action.comment')}</button>
    </form>
  );
}
