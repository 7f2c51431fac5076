import { useEffect, useRef, useState } from 'preact/hooks';
import type { RestClient } from '../api/rest';
import type { Attachment } from '../api/types';
import { formatSize } from '../state/files';
import { useT } from './context';

const links = new Map<string, { url: string; until: number }>();

/** A signed link to the file (cached until shortly before it expires). */
function useFileUrl(rest: RestClient, id: string): string | null {
  const cached = links.get(id);
  const [url, setUrl] = useState<string | null>(cached && cached.until > Date.now() ? cached.url : null);
  useEffect(() => {
    if (url) return;
    let live = true;
    rest.file(id).then((f) => {
      links.set(id, { url: f.url, until: Date.parse(f.urlExpiresAt) - 60_000 });
      if (live) setUrl(f.url);
    }).catch(() => {});
    return () => { live = false; };
  }, [id]);
  return url;
}

export function Attachments(props: { rest: RestClient; files: Attachment[] }) {
  const [viewing, setViewing] = useState<Attachment | null>(null);
  return (
    <div class="attachments">
      {props.files.map((f) => <AttachmentItem key={f.id} rest={props.rest} file={f} onView={() => setViewing(f)} />)}
      {viewing && <Viewer rest={props.rest} file={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}

function AttachmentItem(props: { rest: RestClient; file: Attachment; onView: () => void }) {
  const t = useT();
  const url = useFileUrl(props.rest, props.file.id);
  const f = props.file;
  if (f.contentType.startsWith('image/')) {
    return (
      <button type="button" class="thumb" onClick={props.onView} aria-label={t('message.open', { name: f.name })}>
        {url ? <img src={url} alt={f.name} /> : <span class="thumb-placeholder" />}
      </button>
    );
  }
  if (f.contentType.startsWith('video/')) {
    return url ? <video class="video" src={url} controls preload="metadata" aria-label={t('message.attachment', { name: f.name })} />
      : <span class="thumb-placeholder" />;
  }
  return (
    <a class="file-card" href={url ?? '#'} target="_blank" rel="noopener" aria-label={t('message.open', { name: f.name })}>
      <span class="file-icon" aria-hidden="true">PDF</span>
      <span><span class="file-name">{f.name}</span><span class="muted"> · {formatSize(f.size)}</span></span>
    </a>
  );
}

function Viewer(props: { rest: RestClient; file: Attachment; onClose: () => void }) {
  const t = useT();
  const url = useFileUrl(props.rest, props.file.id);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') props.onClose(); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div class="viewer" role="dialog" aria-modal="true" aria-label={props.file.name} onClick={(e) => { if (e.target === e.currentTarget) props.onClose(); }}>
      <div class="viewer-bar">
        <span class="file-name">{props.file.name}</span>
        {url && <a class="button" href={url} download={props.file.name}>{t('viewer.download')}</a>}
        <button ref={close} type="button" onClick={props.onClose}>{t('viewer.close')}</button>
      </div>
      {url && <img src={url} alt={props.file.name} />}
    </div>
  );
}
