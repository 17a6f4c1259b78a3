/*
 * <yc-chart>: an Apache ECharts chart or map whose option comes from the server as JSON. The world map uses
 * Natural Earth country outlines from the bundled world-atlas package: nothing is fetched at run time.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart, LinesChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  ToolboxComponent,
  GeoComponent,
  GraphicComponent,
  AriaComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
// @ts-ignore: the package ships no type declarations
import { feature } from 'topojson-client';
// @ts-ignore: JSON module, bundled by Vite
import countries from 'world-atlas/countries-110m.json';

echarts.use([
  BarChart, LineChart, PieChart, ScatterChart, LinesChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, ToolboxComponent, GeoComponent,
  GraphicComponent, AriaComponent, CanvasRenderer,
]);

let worldRegistered = false;

/*
 * On a plain longitude/latitude map, a ring that crosses the antimeridian (Russia's far east, Fiji) would be
 * drawn straight across the whole map. Such rings are moved east of 180° instead, as one piece.
 */
function unwrapAntimeridian(ring: number[][]): number[][] {
  const longitudes = ring.map((point) => point[0]);
  if (Math.max(...longitudes) - Math.min(...longitudes) <= 180) {
    return ring;
  }
  return ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
}

function registerWorld() {
  if (!worldRegistered) {
    const world = feature(countries as any, (countries as any).objects.countries) as any;
    for (const country of world.features) {
      const geometry = country.geometry;
      if (geometry?.type === 'Polygon') {
        geometry.coordinates = geometry.coordinates.map(unwrapAntimeridian);
      } else if (geometry?.type === 'MultiPolygon') {
        geometry.coordinates = geometry.coordinates.map((polygon: number[][][]) => polygon.map(unwrapAntimeridian));
      }
    }
    // Antarctica has no partners and would take a fifth of the map.
    world.features = world.features.filter((country: any) => country.id !== '010');
    echarts.registerMap('world', world);
    worldRegistered = true;
  }
}

class YcChart extends HTMLElement {
  private chart?: echarts.ECharts;
  private currentOption: any;
  private resizeObserver?: ResizeObserver;

  set option(value: any) {
    this.currentOption = value;
    this.render();
  }

  get option(): any {
    return this.currentOption;
  }

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    if (!this.chart) {
      this.chart = echarts.init(this, undefined, { renderer: 'canvas' });
      this.chart.on('click', (params: any) => {
        const id = params?.data?.id;
        if (id !== undefined && id !== null) {
          this.dispatchEvent(new CustomEvent('chart-click', { detail: { id: String(id) } }));
        }
      });
    }
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.render();
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  private render() {
    if (!this.chart || !this.currentOption) {
      return;
    }
    if (this.currentOption.geo) {
      registerWorld();
    }
    this.chart.setOption(this.currentOption, true);
  }
}

customElements.define('yc-chart', YcChart);
