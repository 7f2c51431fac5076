import { useState } from 'preact/hooks';
import type { Figures, MetricsReport } from '../../api/support';
import type { SupportModel } from '../../state/support/model';
import { useT, useUi } from '../context';
import { BarTable, type BarRow, type BarSeries } from './BarTable';
import { type T, duration, label } from './common';

/** Staff metrics over a chosen period: response and resolution times, satisfaction, backlog — as charts. */
export function MetricsView(props: { support: SupportModel }) {
  const { support } = props;
  const t = useT();
  const q = support.metricsQuery;
  const [from, setFrom] = useState(q.from);
  const [to, setTo] = useState(q.to);
  const [federation, setFederation] = useState(q.federation);
  const [category, setCategory] = useState(q.category);
  const report = support.metrics;
  return (
    <div class="support-screen">
      <div class="screen-head"><h2 tabIndex={-1}>{t('support.metrics.title')}</h2></div>
      <form class="metrics-form" onSubmit={(e) => { e.preventDefault(); void support.loadMetrics({ from, to, federation, category }); }}>
        <label>{t('support.metrics.from')}
          <input type="date" value={from} max={to} required onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>{t('support.metrics.to')}
          <input type="date" value={to} min={from} required onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label>{t('support.metrics.federation')}
          <input value={federation} maxLength={4} autocomplete="off" onInput={(e) => setFederation(e.currentTarget.value)} />
        </label>
        <div class="fld"><label for="sel-metrics-category">{t('support.metrics.category')}</label>
          <select id="sel-metrics-category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('support.filter.any')}</option>
            {support.config?.categories.map((c) => <option key={c.id} value={c.id}>{label(t, 'support.category', c.id)}</option>)}
          </select>
        </div>
        <button type="submit" class="primary">{t('support.metrics.apply')}</button>
      </form>
      <div aria-live="polite" aria-busy={support.metricsLoading}>
        {!report ? <p class="muted">{t('support.loading')}</p> : <Report t={t} report={report} />}
      </div>
    </div>
  );
}

function Report(props: { t: T; report: MetricsReport }) {
  const { t, report } = props;
  const { i18n } = useUi();
  const o = report.overall;
  const time = (v: number | null | undefined) => (v == null ? '—' : duration(t, v));
  const timeSeries: BarSeries[] = [{ name: t('support.metrics.median'), tone: 'primary' }, { name: t('support.metrics.p90'), tone: 'secondary' }];
  const cat = (id: string) => label(t, 'support.category', id);
  const fed = (code: string) => code;
  const number = (v: number) => v.toLocaleString(i18n.locale);
  const avg = (v: number) => v.toLocaleString(i18n.locale, { maximumFractionDigits: 2 });
  const byCat = Object.entries(report.byCategory);
  const byFed = Object.entries(report.byFederation);
  // The hub leaves null figures out of the JSON: undefined and null both mean "no sample".
  const rowsOf = (entries: [string, Figures][], name: (k: string) => string, pick: (f: Figures) => (number | null | undefined)[]): BarRow[] =>
    entries.map(([k, f]) => ({ key: k, label: name(k), values: pick(f).map((v) => v ?? null) })).filter((r) => r.values.some((v) => v !== null));
  const counts = (m: Record<string, number>, name: (k: string) => string): BarRow[] =>
    Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, v]) => ({ key: k, label: name(k), values: [v] }));
  const dist = o.satisfaction.distribution ?? {};
  return (
    <>
      {report.truncated && <p class="warning" role="note">{t('support.metrics.truncated')}</p>}
      <dl class="kpis" data-testid="metrics-kpis">
        <div><dt>{t('support.metrics.opened')}</dt><dd>{number(o.opened)}</dd></div>
        <div><dt>{t('support.metrics.resolved')}</dt><dd>{number(o.resolved)}</dd></div>
        <div><dt>{t('support.metrics.firstMedian')}</dt><dd>{time(o.firstResponse.medianSeconds)}</dd></div>
        <div><dt>{t('support.metrics.firstP90')}</dt><dd>{time(o.firstResponse.p90Seconds)}</dd></div>
        <div><dt>{t('support.metrics.resMedian')}</dt><dd>{time(o.resolution.medianSeconds)}</dd></div>
        <div><dt>{t('support.metrics.resP90')}</dt><dd>{time(o.resolution.p90Seconds)}</dd></div>
        <div><dt>{t('support.metrics.satisfaction')}</dt><dd>{o.satisfaction.average == null ? '—' : `${avg(o.satisfaction.average)}/5`}</dd></div>
        <div><dt>{t('support.metrics.backlog')}</dt><dd>{number(report.backlog.total)}</dd></div>
      </dl>
      {o.opened === 0 && <p class="muted">{t('support.metrics.none')}</p>}
      <div class="charts">
        <BarTable title={t('support.metrics.firstByCategory')} rowHeader={t('support.list.category')} series={timeSeries}
          rows={rowsOf(byCat, cat, (f) => [f.firstResponse.medianSeconds, f.firstResponse.p90Seconds])}
          format={(v) => duration(t, v)} empty={t('support.metrics.none')} testId="chart-first-category" />
        <BarTable title={t('support.metrics.resByCategory')} rowHeader={t('support.list.category')} series={timeSeries}
          rows={rowsOf(byCat, cat, (f) => [f.resolution.medianSeconds, f.resolution.p90Seconds])}
          format={(v) => duration(t, v)} empty={t('support.metrics.none')} />
        <BarTable title={t('support.metrics.firstByFederation')} rowHeader={t('support.list.federation')} series={timeSeries}
          rows={rowsOf(byFed, fed, (f) => [f.firstResponse.medianSeconds, f.firstResponse.p90Seconds])}
          format={(v) => duration(t, v)} empty={t('support.metrics.none')} />
        <BarTable title={t('support.metrics.resByFederation')} rowHeader={t('support.list.federation')} series={timeSeries}
          rows={rowsOf(byFed, fed, (f) => [f.resolution.medianSeconds, f.resolution.p90Seconds])}
          format={(v) => duration(t, v)} empty={t('support.metrics.none')} />
        <BarTable title={t('support.metrics.satByCategory')} rowHeader={t('support.list.category')}
          series={[{ name: t('support.metrics.average'), tone: 'accent' }]} max={5}
          rows={rowsOf(byCat, cat, (f) => [f.satisfaction.average])} format={avg} empty={t('support.metrics.none')} />
        <BarTable title={t('support.metrics.satByFederation')} rowHeader={t('support.list.federation')}
          series={[{ name: t('support.metrics.average'), tone: 'accent' }]} max={5}
          rows={rowsOf(byFed, fed, (f) => [f.satisfaction.average])} format={avg} empty={t('support.metrics.none')} />
        <BarTable title={t('support.metrics.distribution')} rowHeader={t('support.rate.legend')}
          series={[{ name: t('support.metrics.count'), tone: 'accent' }]}
          rows={o.satisfaction.count === 0 ? [] : [5, 4, 3, 2, 1].map((n) => ({ key: String(n), label: t('support.metrics.stars', { n }), values: [dist[String(n)] ?? 0] }))}
          format={number} empty={t('support.metrics.none')} />
        <BarTable title={t('support.metrics.backlogByStatus')} rowHeader={t('support.list.status')}
          series={[{ name: t('support.metrics.count'), tone: 'primary' }]}
          rows={counts(report.backlog.byStatus, (s) => label(t, 'support.status', s))} format={number} empty={t('support.metrics.none')} />
        <BarTable title={t('support.metrics.backlogByCategory')} rowHeader={t('support.list.category')}
          series={[{ name: t('support.metrics.count'), tone: 'primary' }]}
          rows={counts(report.backlog.byCategory, cat)} format={number} empty={t('support.metrics.none')} />
        <BarTable title={t('support.metrics.backlogByFederation')} rowHeader={t('support.list.federation')}
          series={[{ name: t('support.metrics.count'), tone: 'primary' }]}
          rows={counts(report.backlog.byFederation, fed)} format={number} empty={t('support.metrics.none')} />
      </div>
    </>
  );
}
