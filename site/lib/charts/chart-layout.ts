/**
 * Where the bars of a server-rendered SVG chart go. Pure geometry in viewBox units: the component
 * draws, this computes, the tests check. A hidden count ("< 5") is drawn as a hatched bar of the
 * size of 5, so its length tells nothing more than its label.
 */
export interface ChartDatum {
  label: string;
  /** null: a count hidden for privacy, or no number at all. */
  value: number | null;
  /** What the table shows for it: `12`, `< 5`, `67%`. */
  text: string;
}

export interface PlacedBar {
  x: number;
  y: number;
  width: number;
  height: number;
  hidden: boolean;
  label: string;
  labelX: number;
  labelY: number;
  text: string;
  textX: number;
  textY: number;
  /** Whether the period label and value are written (every few columns when there are many). */
  showLabel: boolean;
  showText: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  bars: PlacedBar[];
  /** Grid lines with their value, along the value axis. */
  ticks: { value: number; x1: number; y1: number; x2: number; y2: number; labelX: number; labelY: number }[];
  max: number;
}

/** The value a hidden count is drawn as: the threshold itself. */
export const HIDDEN_AS = 5;

/** A round maximum for the axis: 1, 2, 2.5 or 5 times a power of ten, at least the largest value. */
export function niceMax(value: number): number {
  if (value <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

const drawnValue = (datum: ChartDatum): number => datum.value ?? (datum.text === '< 5' ? HIDDEN_AS : 0);

/** Five steps when the maximum divides by five (5, 10, 25, 50…), else four (20, 200…): whole numbers. */
const tickCount = (max: number): number => (max % 5 === 0 && Number.isInteger(max / 5) ? 5 : 4);

/** Horizontal bars with their label above: reads well on a phone and with long names. */
export function horizontalBars(data: ChartDatum[]): ChartLayout {
  const width = 400;
  const labelWidth = 0;
  const valueSpace = 56;
  const row = 40;
  const top = 8;
  const max = niceMax(Math.max(0, ...data.map(drawnValue)));
  const scale = (width - labelWidth - valueSpace) / max;
  const bars = data.map((datum, index) => {
    const y = top + index * row + 18;
    const length = drawnValue(datum) * scale;
    return {
      x: labelWidth,
      y,
      width: Math.max(length, 0),
      height: 14,
      hidden: datum.value === null && datum.text === '< 5',
      label: datum.label,
      labelX: 0,
      labelY: y - 5,
      text: datum.text,
      textX: labelWidth + length + 6,
      textY: y + 12,
      showLabel: true,
      showText: true,
    };
  });
  const height = top + data.length * row + 8;
  const steps = tickCount(max);
  const ticks = Array.from({ length: steps + 1 }, (_, index) => {
    const value = (max / steps) * index;
    const x = labelWidth + value * scale;
    return { value, x1: x, y1: top, x2: x, y2: height - 8, labelX: x, labelY: height };
  });
  return { width, height: height + 4, bars, ticks, max };
}

/** Vertical columns over time; with many periods only every few is labelled. */
export function columns(data: ChartDatum[]): ChartLayout {
  const width = 640;
  const height = 240;
  const left = 40;
  const bottom = 36;
  const top = 20;
  const plotWidth = width - left - 8;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(0, ...data.map(drawnValue)));
  const slot = plotWidth / Math.max(1, data.length);
  const every = Math.ceil(data.length / 12);
  const bars = data.map((datum, index) => {
    const barHeight = (drawnValue(datum) / max) * plotHeight;
    const x = left + index * slot + slot * 0.15;
    return {
      x,
      y: top + plotHeight - barHeight,
      width: slot * 0.7,
      height: barHeight,
      hidden: datum.value === null && datum.text === '< 5',
      label: datum.label,
      labelX: x + slot * 0.35,
      labelY: height - bottom + 16,
      text: datum.text,
      textX: x + slot * 0.35,
      textY: top + plotHeight - barHeight - 4,
      showLabel: index % every === 0,
      showText: data.length <= 16,
    };
  });
  const steps = tickCount(max);
  const ticks = Array.from({ length: steps + 1 }, (_, index) => {
    const value = (max / steps) * index;
    const y = top + plotHeight - (value / max) * plotHeight;
    return { value, x1: left, y1: y, x2: width - 8, y2: y, labelX: left - 6, labelY: y + 4 };
  });
  return { width, height, bars, ticks, max };
}
