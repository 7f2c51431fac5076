import type { RelayFigures } from '../../api/relay';
import { useT } from '../context';
import { BarTable } from '../support/BarTable';

/** Reach and engagement of a relayed item: totals as headline numbers, then a per-federation bar table. */
export function Figures(props: { figures: RelayFigures }) {
  const t = useT();
  const { totals, federations } = props.figures;
  const fmt = (n: number) => String(n);
  const headline: [string, number][] = [
    ['delivered', totals.delivered], ['readers', totals.readers], ['reactions', totals.reactions],
    ['replies', totals.replies], ['acknowledged', totals.acknowledged], ['relayed', totals.relayed],
  ];
  return (
    <section class="relay-figures" aria-labelledby="figures-title">
      <h3 id="figures-title">{t('relay.figures.title')}</h3>
      <ul class="relay-totals" data-testid="relay-totals">
        {headline.map(([k, v]) => (
          <li key={k}><strong>{k === 'delivered' ? `${v} / ${totals.federations}` : v}</strong> <span>{t(`relay.figures.${k}`)}</span></li>
        ))}
      </ul>
      <BarTable title={t('relay.figures.table')} rowHeader={t('relay.figures.federation')} testId="relay-figures"
        series={[{ name: t('relay.figures.readers'), tone: 'primary' }, { name: t('relay.figures.reactions'), tone: 'secondary' },
          { name: t('relay.figures.replies'), tone: 'accent' }]}
        rows={federations.map((f) => ({
          key: f.federation,
          label: `${f.federation} · ${f.name}${f.delivered ? '' : ` (${t('relay.figures.notDelivered')})`}${f.ack ? ` · ${t(`relay.board.state.${f.ack === 'RELAYED' ? 'relayed' : 'read'}`)}` : ''}`,
          values: [f.readers, f.reactions, f.replies],
        }))}
        format={fmt} empty={t('relay.figures.empty')} />
    </section>
  );
}
