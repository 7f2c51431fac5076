import { useState } from 'preact/hooks';
import type { Bot } from '../../api/bots';
import type { ChannelSummary } from '../../api/types';
import type { BotsModel } from '../../state/relay/bots';
import type { RelayModel } from '../../state/relay/model';
import { Icon } from '../Icon';
import { useT, useUi } from '../context';

/**
 * Bots (national admins; owners see their own): create one (its token is shown once, with a copy button),
 * rotate or revoke tokens, channels, incoming webhooks (URL and secret shown once), outgoing webhooks and
 * their deliveries with retry.
 */
export function BotsAdmin(props: { relay: RelayModel; bots: BotsModel; channels: ChannelSummary[] }) {
  const { bots, relay } = props;
  const t = useT();
  const admin = relay.me.roles.includes('NATIONAL_ADMIN');
  const selected = bots.selected;
  return (
    <div class="relay-screen bots-admin">
      <h2 tabIndex={-1}>{t('bots.title')}</h2>
      {bots.notice && (
        <p class={bots.notice.key.includes('.error.') || bots.notice.key === 'error.generic' || bots.notice.key === 'bots.ownerUnknown' ? 'form-problem' : 'muted'}
          role="status">{t(bots.notice.key) === bots.notice.key ? t('error.generic') : t(bots.notice.key)}{bots.notice.detail ? ` (${bots.notice.detail})` : ''}</p>
      )}
      {bots.revealed && <Revealed bots={bots} />}
      {bots.failures.length > 0 && (
        <div class="relay-change" role="note">
          <strong>{t('bots.failures')}</strong>
          <ul>{bots.failures.map((f) => <li key={f.deliveryId}>{t('bots.failure', { attempts: f.attempts, error: f.lastError ?? '—' })}</li>)}</ul>
        </div>
      )}
      <div class="bots-layout">
        <section aria-labelledby="bots-list-title">
          <h3 id="bots-list-title">{t('bots.list')}</h3>
          {!bots.loaded ? <p class="muted">{t('relay.loading')}</p> : bots.bots.length === 0 ? <p class="muted">{t('bots.none')}</p> : (
            <ul class="bots-list" data-testid="bots-list">
              {bots.bots.map((b) => (
                <li key={b.id}>
                  <button type="button" class={`bot-pick ${b.id === bots.selectedId ? 'current' : ''}`} aria-pressed={b.id === bots.selectedId}
                    onClick={() => void bots.select(b.id === bots.selectedId ? null : b.id)}>
                    <BotAvatar bot={b} /> <span><strong>{b.displayName}</strong> <span class="muted">@{b.username}</span>
                      {b.capabilities.length > 0 && <span class="tag">{b.capabilities.join(', ')}</span>}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {admin && <CreateBot bots={bots} channels={props.channels} />}
        </section>
        {selected && <BotDetail bots={bots} bot={selected} channels={props.channels} admin={admin} />}
      </div>
    </div>
  );
}

function BotAvatar(props: { bot: Bot }) {
  if (props.bot.avatarUrl) return <img class="bot-avatar" src={props.bot.avatarUrl} alt="" width={28} height={28} />;
  return <span class="bot-avatar" aria-hidden="true">{props.bot.displayName.slice(0, 1).toUpperCase()}</span>;
}

/** A token or webhook secret, shown once: copy it now. */
function Revealed(props: { bots: BotsModel }) {
  const t = useT();
  const r = props.bots.revealed!;
  const [copied, setCopied] = useState('');
  const copy = (value: string, what: string) => {
    void navigator.clipboard?.writeText(value).then(() => setCopied(what)).catch(() => setCopied(''));
  };
  return (
    <section class="revealed" role="region" aria-labelledby="revealed-title" data-testid="revealed-secret">
      <h3 id="revealed-title"><Icon name="lock" size={16} /> {t(`bots.revealed.${r.kind}`)}</h3>
      <p class="small">{t('bots.revealed.once')}</p>
      {r.url && (
        <div class="fld">
          <label for="revealed-url">{t('bots.revealed.url')}</label>
          <div class="row"><input id="revealed-url" readOnly value={r.url} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => copy(r.url!, 'url')}><Icon name="copy" size={16} /> {t('bots.copy')}<span class="visually-hidden"> {t('bots.revealed.url')}</span></button></div>
        </div>
      )}
      <div class="fld">
        <label for="revealed-secret">{r.kind === 'token' ? t('bots.revealed.tokenLabel') : t('bots.revealed.secret')}</label>
        <div class="row"><input id="revealed-secret" readOnly value={r.secret} data-testid="secret-value" onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => copy(r.secret, 'secret')}><Icon name="copy" size={16} /> {t('bots.copy')}<span class="visually-hidden"> {r.kind === 'token' ? t('bots.revealed.tokenLabel') : t('bots.revealed.secret')}</span></button></div>
      </div>
      <p role="status" class="small">{copied ? t('bots.copied') : ''}</p>
      <button type="button" class="primary" onClick={() => props.bots.dismissRevealed()}>{t('bots.revealed.done')}</button>
    </section>
  );
}

function ChannelPicker(props: { id: string; channels: ChannelSummary[]; value: string[]; onChange: (ids: string[]) => void; label: string }) {
  return (
    <div class="fld">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} multiple size={5} onChange={(e) => props.onChange([...e.currentTarget.selectedOptions].map((o) => o.value))}>
        {props.channels.filter((c) => c.kind !== 'DIRECT').map((c) => (
          <option key={c.id} value={c.id} selected={props.value.includes(c.id)}>{c.kind === 'FEDERATION' ? `${c.federation} · ${c.name}` : `# ${c.name}`}</option>
        ))}
      </select>
    </div>
  );
}

function CreateBot(props: { bots: BotsModel; channels: ChannelSummary[] }) {
  const t = useT();
  const [f, setF] = useState({ username: '', displayName: '', avatarUrl: '', owner: '', channelIds: [] as string[], all: false, relay: false });
  const set = (c: Partial<typeof f>) => setF({ ...f, ...c });
  return (
    <details class="relay-details" data-testid="create-bot">
      <summary>{t('bots.create')}</summary>
      <form class="relay-form" onSubmit={(e) => {
        e.preventDefault();
        if (!f.username.trim() || !f.displayName.trim()) return;
        void props.bots.create({
          username: f.username.trim(), displayName: f.displayName.trim(), avatarUrl: f.avatarUrl.trim() || undefined,
          channelIds: f.channelIds, allFederationChannels: f.all, capabilities: f.relay ? ['RELAY'] : [],
        }, f.owner).then((ok) => ok && setF({ username: '', displayName: '', avatarUrl: '', owner: '', channelIds: [], all: false, relay: false }));
      }}>
        <div class="fld"><label for="bot-username">{t('bots.username')}</label>
          <input id="bot-username" required value={f.username} autocomplete="off" onInput={(e) => set({ username: e.currentTarget.value })} /></div>
        <div class="fld"><label for="bot-name">{t('bots.displayName')}</label>
          <input id="bot-name" required value={f.displayName} onInput={(e) => set({ displayName: e.currentTarget.value })} /></div>
        <div class="fld"><label for="bot-avatar">{t('bots.avatar')}</label>
          <input id="bot-avatar" type="url" value={f.avatarUrl} placeholder="https://…" onInput={(e) => set({ avatarUrl: e.currentTarget.value })} /></div>
        <div class="fld"><label for="bot-owner">{t('bots.owner')}</label>
          <input id="bot-owner" value={f.owner} autocomplete="off" aria-describedby="bot-owner-help" onInput={(e) => set({ owner: e.currentTarget.value })} />
          <span class="help" id="bot-owner-help">{t('bots.ownerHelp')}</span></div>
        <ChannelPicker id="bot-channels" label={t('bots.channels')} channels={props.channels} value={f.channelIds} onChange={(ids) => set({ channelIds: ids })} />
        <label class="radio"><input type="checkbox" checked={f.all} onChange={(e) => set({ all: e.currentTarget.checked })} /> {t('bots.allFederations')}</label>
        <label class="radio"><input type="checkbox" checked={f.relay} onChange={(e) => set({ relay: e.currentTarget.checked })} /> {t('bots.relayCapability')}</label>
        <button type="submit" class="primary" disabled={props.bots.busy}>{t('bots.createButton')}</button>
      </form>
    </details>
  );
}

function BotDetail(props: { bots: BotsModel; bot: Bot; channels: ChannelSummary[]; admin: boolean }) {
  const { bots, bot } = props;
  const t = useT();
  const { i18n } = useUi();
  const [hookChannel, setHookChannel] = useState(bot.channelIds[0] ?? '');
  const [hookName, setHookName] = useState('');
  const [outChannel, setOutChannel] = useState(bot.channelIds[0] ?? '');
  const [outUrl, setOutUrl] = useState('');
  const [outWords, setOutWords] = useState('');
  const [channelIds, setChannelIds] = useState(bot.channelIds);
  const when = (iso?: string | null) => (iso ? new Date(iso).toLocaleString(i18n.locale) : '—');
  const channelName = (id: string) => props.channels.find((c) => c.id === id)?.name ?? id;
  const botChannels = props.channels.filter((c) => bot.channelIds.includes(c.id));
  return (
    <section class="bot-detail" aria-labelledby="bot-detail-title" data-testid="bot-detail">
      <h3 id="bot-detail-title">{bot.displayName} <span class="muted">@{bot.username}</span></h3>
      <p class="small muted">{t('bots.channelCount', { count: bot.channelIds.length })}</p>

      <h4>{t('bots.tokens')}</h4>
      <table class="bots-table">
        <thead><tr><th scope="col">{t('bots.createdAt')}</th><th scope="col">{t('bots.lastUsed')}</th><th scope="col"><span class="visually-hidden">{t('bots.actions')}</span></th></tr></thead>
        <tbody>
          {bots.tokens.length === 0 && <tr><td colSpan={3} class="muted">{t('bots.noTokens')}</td></tr>}
          {bots.tokens.map((tok) => (
            <tr key={tok.id}><td>{when(tok.createdAt)}</td><td>{when(tok.lastUsedAt)}</td>
              <td><button type="button" class="link danger" onClick={() => { if (confirm(t('bots.revokeConfirm'))) void bots.revoke(bot.id, tok.id); }}>{t('bots.revoke')}</button></td></tr>
          ))}
        </tbody>
      </table>
      <div class="row wrap">
        <button type="button" onClick={() => { if (confirm(t('bots.rotateConfirm'))) void bots.rotate(bot.id); }}>{t('bots.rotate')}</button>
        {props.admin && <button type="button" class="danger" onClick={() => { if (confirm(t('bots.deactivateConfirm'))) void bots.deactivate(bot.id); }}>{t('bots.deactivate')}</button>}
      </div>

      {props.admin && (
        <form class="relay-form" onSubmit={(e) => { e.preventDefault(); void bots.setChannels(bot.id, channelIds, false); }}>
          <h4>{t('bots.channels')}</h4>
          <ChannelPicker id="bot-edit-channels" label={t('bots.channelsEdit')} channels={props.channels} value={channelIds} onChange={setChannelIds} />
          <button type="submit" disabled={bots.busy}>{t('bots.saveChannels')}</button>
        </form>
      )}

      <h4>{t('bots.incoming')}</h4>
      <ul class="hooks">
        {bots.incoming.length === 0 && <li class="muted">{t('bots.noHooks')}</li>}
        {bots.incoming.map((h) => (
          <li key={h.id}><span><strong>{h.name || h.id}</strong> → # {channelName(h.channelId)} <code>{h.url}</code></span>
            <button type="button" class="link danger" onClick={() => { if (confirm(t('bots.deleteHookConfirm'))) void bots.deleteIncoming(bot.id, h.id); }}>{t('bots.deleteHook')}</button></li>
        ))}
      </ul>
      <form class="relay-form inline" onSubmit={(e) => {
        e.preventDefault();
        if (hookChannel) void bots.createIncoming(bot.id, hookChannel, hookName.trim()).then((ok) => ok && setHookName(''));
      }}>
        <div class="row wrap">
          <div class="fld"><label for="in-channel">{t('bots.channel')}</label>
            <select id="in-channel" value={hookChannel} onChange={(e) => setHookChannel(e.currentTarget.value)}>
              <option value="">{t('bots.pickChannel')}</option>
              {botChannels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select></div>
          <div class="fld"><label for="in-name">{t('bots.hookName')}</label>
            <input id="in-name" value={hookName} onInput={(e) => setHookName(e.currentTarget.value)} /></div>
        </div>
        <button type="submit" disabled={bots.busy || !hookChannel}>{t('bots.createIncoming')}</button>
      </form>

      <h4>{t('bots.outgoing')}</h4>
      <ul class="hooks">
        {bots.outgoing.length === 0 && <li class="muted">{t('bots.noHooks')}</li>}
        {bots.outgoing.map((h) => (
          <li key={h.id} class="hook-out">
            <span># {channelName(h.channelId)} → <code>{h.url}</code>{h.triggerWords.length > 0 && ` (${h.triggerWords.join(', ')})`}</span>
            <span class="row">
              <button type="button" class="link" onClick={() => void bots.loadDeliveries(bot.id, h.id)}>{t('bots.deliveries')}</button>
              <button type="button" class="link danger" onClick={() => { if (confirm(t('bots.deleteHookConfirm'))) void bots.deleteOutgoing(bot.id, h.id); }}>{t('bots.deleteHook')}</button>
            </span>
            {bots.deliveries.has(h.id) && (
              <table class="bots-table">
                <caption class="visually-hidden">{t('bots.deliveries')}</caption>
                <thead><tr><th scope="col">{t('bots.delivery.status')}</th><th scope="col">{t('bots.delivery.attempts')}</th>
                  <th scope="col">{t('bots.delivery.lastError')}</th><th scope="col">{t('bots.createdAt')}</th><th scope="col"><span class="visually-hidden">{t('bots.actions')}</span></th></tr></thead>
                <tbody>
                  {bots.deliveries.get(h.id)!.length === 0 && <tr><td colSpan={5} class="muted">{t('bots.delivery.none')}</td></tr>}
                  {bots.deliveries.get(h.id)!.map((d) => (
                    <tr key={d.id} class={`dl-${d.status.toLowerCase()}`}>
                      <td>{t(`bots.delivery.${d.status}`)}</td><td>{d.attempts}</td>
                      <td>{d.lastStatus ? `HTTP ${d.lastStatus} ` : ''}{d.lastError ?? ''}</td><td>{when(d.createdAt)}</td>
                      <td>{d.status === 'FAILED' && <button type="button" onClick={() => void bots.retry(bot.id, h.id, d.id)}>{t('bots.retry')}</button>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
      <form class="relay-form inline" onSubmit={(e) => {
        e.preventDefault();
        if (!outChannel || !outUrl.trim()) return;
        void bots.createOutgoing(bot.id, outChannel, outUrl.trim(), outWords.split(/[\s,]+/).filter(Boolean)).then((ok) => ok && (setOutUrl(''), setOutWords('')));
      }}>
        <div class="row wrap">
          <div class="fld"><label for="out-channel">{t('bots.channel')}</label>
            <select id="out-channel" value={outChannel} onChange={(e) => setOutChannel(e.currentTarget.value)}>
              <option value="">{t('bots.pickChannel')}</option>
              {botChannels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select></div>
          <div class="fld"><label for="out-url">{t('bots.url')}</label>
            <input id="out-url" type="url" value={outUrl} placeholder="https://…" onInput={(e) => setOutUrl(e.currentTarget.value)} /></div>
          <div class="fld"><label for="out-words">{t('bots.triggerWords')}</label>
            <input id="out-words" value={outWords} onInput={(e) => setOutWords(e.currentTarget.value)} /></div>
        </div>
        <button type="submit" disabled={bots.busy || !outChannel}>{t('bots.createOutgoing')}</button>
      </form>
    </section>
  );
}
