import { useState } from 'preact/hooks';
import type { AckState } from '../../api/relay';
import type { Message } from '../../api/types';
import type { AppModel } from '../../state/app';
import { consigneOfMessage } from '../../state/relay/board';
import { isStaff } from '../../state/relay/queue';
import { useT } from '../context';

/**
 * Under the relay bot's message of a consigne, in a federation channel: "Lu" / "Relayé" buttons for the
 * federation's people (and national staff on its behalf). The hub keeps the highest acknowledgement.
 */
export function ConsigneAck(props: { model: AppModel; message: Message }) {
  const { model, message } = props;
  const t = useT();
  const [done, setDone] = useState<AckState | null>(null);
  const consigne = consigneOfMessage(message);
  const federation = model.channel(message.channelId)?.federation;
  const me = model.me;
  if (!consigne || !federation || !me || !model.relay || (!isStaff(me) && me.federation !== federation)) return null;
  const ack = async (state: AckState) => {
    if (await model.relay!.acknowledge(consigne.itemId, state, federation)) setDone(state);
    else if (model.relay!.notice) model.setNotice(model.relay!.notice.key, model.relay!.notice.detail);
  };
  return (
    <div class="consigne-ack" role="group" aria-label={t('relay.ack.group')} data-testid="consigne-ack">
      {done ? <p role="status">{t(done === 'RELAYED' ? 'relay.ackedRelayed' : 'relay.ackedRead')}</p> : (
        <>
          <span class="small">{t(`relay.ack.asks.${consigne.requires}`)}</span>
          <button type="button" onClick={() => void ack('READ')}>{t('relay.ack.read')}</button>
          <button type="button" class="primary" onClick={() => void ack('RELAYED')}>{t('relay.ack.relayed')}</button>
        </>
      )}
    </div>
  );
}
