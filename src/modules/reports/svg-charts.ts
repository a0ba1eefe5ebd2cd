// Charts of the partnership report as inline SVG, drawn on the server: the document needs no
// script and prints the same in a browser and in the PDF. Pure functions over plain numbers.

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type Bar = { label: string; value: number | null; display?: string };

/** Horizontal bars on a 0..max scale; a missing value is drawn as "no data", never as zero. */
export function barChart(bars: Bar[], options: { max: number; title: string; noData: string; width?: number; color?: string }): string {
  const width = options.width ?? 640;
  const labelWidth = 220;
  const rowHeight = 26;
  const barSpace = width - labelWidth - 70;
  const height = bars.length * rowHeight + 10;
  const rows = bars.map((bar, index) => {
    const y = 5 + index * rowHeight;
    const label = `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="12">${escapeXml(bar.label)}</text>`;
    if (bar.value === null) return `${label}<text x="${labelWidth}" y="${y + 16}" font-size="12" fill="#777">${escapeXml(options.noData)}</text>`;
    const length = Math.max(0, Math.min(1, options.max > 0 ? bar.value / options.max : 0)) * barSpace;
    const shown = bar.display ?? String(Math.round(bar.value * 100) / 100);
    return `${label}<rect x="${labelWidth}" y="${y + 4}" width="${length.toFixed(1)}" height="16" fill="${options.color ?? '#2f6f9f'}"/><text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 16}" font-size="12">${escapeXml(shown)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(options.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif"><title>${escapeXml(options.title)}</title>${rows.join('')}</svg>`;
}

/** A radar (spider) chart of scores between 0 and 1, one axis per dimension; missing scores sit at the centre, marked. */
export function radarChart(axes: Bar[], options: { title: string; size?: number }): string {
  const size = options.size ?? 360;
  const centre = size / 2;
  const radius = size / 2 - 70;
  const point = (index: number, scale: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / axes.length;
    return [centre + Math.cos(angle) * radius * scale, centre + Math.sin(angle) * radius * scale] as const;
  };
  const rings = [0.25, 0.5, 0.75, 1].map((scale) => `<polygon points="${axes.map((_, index) => point(index, scale).map((n) => n.toFixed(1)).join(',')).join(' ')}" fill="none" stroke="#ccc"/>`);
  const spokes = axes.map((axis, index) => {
    const [x, y] = point(index, 1);
    const [lx, ly] = point(index, 1.18);
    const anchor = Math.abs(lx - centre) < 5 ? 'middle' : lx > centre ? 'start' : 'end';
    return `<line x1="${centre}" y1="${centre}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#ccc"/><text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="11" text-anchor="${anchor}">${escapeXml(axis.label)}${axis.value === null ? ' (–)' : ''}</text>`;
  });
  const shape = axes.map((axis, index) => point(index, axis.value ?? 0).map((n) => n.toFixed(1)).join(',')).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(options.title)}" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" font-family="sans-serif"><title>${escapeXml(options.title)}</title>${rings.join('')}${spokes.join('')}<polygon points="${shape}" fill="rgba(47,111,159,0.3)" stroke="#2f6f9f" stroke-width="2"/></svg>`;
}

export { escapeXml };
