/**
 * A horizontal bar chart that is a real data table underneath: screen readers and keyboard users get the
 * rows and values (caption, row and column headers), sighted users get the bars, drawn as small inline
 * SVGs sharing one scale. No chart library: nothing to load, nothing canvas-only.
 */
export interface BarSeries {
  name: string;
  /** CSS class giving the bar its colour (and pattern for the second series). */
  tone: 'primary' | 'secondary' | 'accent';
}

export interface BarRow {
  key: string;
  label: string;
  values: (number | null)[];
}

export function BarTable(props: {
  title: string;
  rowHeader: string;
  series: BarSeries[];
  rows: BarRow[];
  format: (value: number) => string;
  /** The top of the scale; defaults to the largest value. */
  max?: number;
  empty: string;
  testId?: string;
}) {
  const { series, rows } = props;
  const max = props.max ?? Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  return (
    // Long charts scroll inside their box: focusable, so a keyboard can scroll them too.
    <figure class="chart" data-testid={props.testId} tabIndex={0} aria-label={props.title}>
      <table class="bar-table">
        <caption>{props.title}</caption>
        {rows.length === 0 ? (
          <tbody><tr><td class="muted">{props.empty}</td></tr></tbody>
        ) : (
          <>
            <thead>
              <tr>
                <th scope="col" class="row-head">{props.rowHeader}</th>
                {series.map((s) => (
                  <th key={s.name} scope="col"><span class={`swatch ${s.tone}`} aria-hidden="true" /> {s.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {r.values.map((v, i) => (
                    <td key={i} style={{ width: `${Math.floor(64 / Math.max(1, series.length))}%` }}>
                      <span class="bar-cell">
                        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                          <rect class="track" x="0" y="0" width="100" height="10" />
                          {v != null && max > 0 && <rect class={`fill ${series[i]?.tone ?? 'primary'}`} x="0" y="0" width={Math.max(0.5, (v / max) * 100)} height="10" />}
                        </svg>
                        <span class="value">{v == null ? '—' : props.format(v)}</span>
                      </span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </>
        )}
      </table>
    </figure>
  );
}
