import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CustomChart, HeatmapChart, ScatterChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';

// Only what the dashboards draw is registered, which keeps the bundle small.
echarts.use([BarChart, LineChart, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);
// The analysis workspace: replication dots, error bars (custom series) and two-axis sweeps (heatmap).
echarts.use([ScatterChart, CustomChart, HeatmapChart, VisualMapComponent]);

export { echarts };
