/**
 * ECharts with only what the pages draw: bar charts on axes, with tooltips and a legend, rendered as SVG
 * (crisp on a phone, and each bar an element of the page). Imported lazily by bar-chart.tsx, so a page
 * shows its figures before this (about 170 KiB gzip) arrives, and pages without charts never load it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
