import type { RelayStatus, RelayTarget } from '../../api/relay';
import { useT } from '../context';

export type T = (key: string, params?: Record<string, string | number>) => string;

/** A status as a word (colour is only a second cue). */
export function StatusBadge(props: { status: RelayStatus }) {
  const t = useT();
  return <span class={`status-badge rs-${props.status.toLowerCase()}`}>{t(`relay.status.${props.status}`)}</span>;
}

export function targetText(t: T, target: RelayTarget): string {
  if (target.kind === 'REGION') return t('relay.target.regionOf', { region: target.region ?? '' });
  if (target.kind === 'LIST') return t('relay.target.listOf', { list: target.federations.join(', ') });
  return t('relay.target.all');
}
