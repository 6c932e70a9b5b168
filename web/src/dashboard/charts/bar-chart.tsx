import { useEffect, useRef, useState } from 'react';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { echarts as EchartsCore } from './echarts-setup';
import { useMessagesWith } from '../../common/i18n/i18n';
import { dashboardMessages } from '../dashboard.messages';

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
type Chart = ReturnType<typeof EchartsCore.init>;

/** One measure of a bar chart: a bar per category, each drawn by its value and read by its label. */
export interface BarSeries {
  name: string;
  /** Only the bars' lengths: every amount people read is `labels`, formatted from the API's exact strings. */
  values: number[];
  labels: string[];
  /** A second measure in other units gets its own value axis (cases beside yuan). */
  unit: string;
  colour: string;
  /** Counts: no tick at 0.5 of a case. */
  wholeNumbers?: boolean;
  /** The axis's end, when the measure has one (100 for a percentage). */
  max?: number;
}

interface BarChartProps {
  /** What a screen reader hears for the whole chart (the table under it has every figure). */
  label: string;
  categories: string[];
  series: BarSeries[];
  /** Categories down the side (long names), rather than along the bottom (months). */
  horizontal?: boolean;
  /** A bar was clicked: its measure and its category. */
  onSelect(seriesIndex: number, categoryIndex: number): void;
  height: number;
}

/**
 * A bar chart drawn by ECharts, loaded the first time a chart is shown. Every bar is clickable (the page
 * opens its cases); the chart is one image to assistive technology, with the data table beside it.
 */
export function BarChart({ label, categories, series, horizontal = false, onSelect, height }: BarChartProps) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Chart | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    let created: Chart | null = null;
    let cancelled = false;
    const resize = new ResizeObserver(() => created?.resize());
    void import('./echarts-setup').then(({ echarts }) => {
      if (cancelled || !box.current) return;
      created = echarts.init(box.current, undefined, { renderer: 'svg' });
      created.on('click', (params) => select.current(params.seriesIndex ?? 0, params.dataIndex));
      resize.observe(box.current);
      setChart(created);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      created?.dispose();
    };
  }, []);

  // the page hands new arrays at every render: draw again only when what they say has changed
  const drawn = JSON.stringify([categories, series, horizontal]);
  useEffect(() => {
    chart?.setOption(optionOf(categories, series, horizontal), { notMerge: true });
  }, [chart, drawn]);

  return (
    <div role="img" aria-label={label} style={{ position: 'relative', width: '100%', height }}>
      <div ref={box} style={{ width: '100%', height: '100%' }} />
      {!chart && <span style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', color: 'rgba(0, 0, 0, 0.65)' }}>{m.dashboard.charts.loading}</span>}
    </div>
  );
}

function optionOf(categories: string[], series: BarSeries[], horizontal: boolean): Option {
  const units = [...new Set(series.map((one) => one.unit))];
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    // the first (the largest, or the earliest month) at the top of a list read downwards
    inverse: horizontal,
    axisLabel: { width: horizontal ? 110 : 80, overflow: 'truncate' as const, interval: 0, hideOverlap: !horizontal },
    axisTick: { alignWithLabel: true },
  };
  const valueAxes = units.map((unit, index) => ({
    type: 'value' as const,
    name: unit,
    minInterval: series.some((one) => one.unit === unit && one.wholeNumbers) ? 1 : undefined,
    max: series.find((one) => one.unit === unit && one.max !== undefined)?.max,
    position: horizontal ? (index === 0 ? 'top' : 'bottom') : index === 0 ? 'left' : 'right',
    splitLine: { show: index === 0 },
    axisLabel: { hideOverlap: true },
  })) as GridComponentOption[];
  return {
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, left: 'center', data: series.map((one) => one.name) } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params) => {
        const points = Array.isArray(params) ? params : [params];
        const index = points[0]?.dataIndex ?? 0;
        const lines = series.map((one) => `${one.name}：${one.labels[index]}`);
        return [escape(categories[index]), ...lines.map(escape)].join('<br/>');
      },
    },
    xAxis: horizontal ? valueAxes : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxes,
    series: series.map((one) => ({
      type: 'bar',
      name: one.name,
      data: one.values,
      [horizontal ? 'xAxisIndex' : 'yAxisIndex']: units.indexOf(one.unit),
      itemStyle: { color: one.colour },
      barMaxWidth: 28,
      cursor: 'pointer',
    })),
  } as Option;
}

/** Names come from people (employers' names): the tooltip is HTML. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
