// Saving what the dashboard shows: CSV text, and a chart's SVG drawn onto a canvas as PNG. Both go through
// a data: URL and an <a download>, which the app's Content-Security-Policy allows (img-src data:).

export function downloadDataUrl(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadCsv(csv: string, filename: string): void {
  // A BOM so spreadsheet programs read the file as UTF-8 (accents in column titles and French labels).
  downloadDataUrl(`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`, filename);
}

/** Draws the SVG at twice its size on the given background; resolves with a PNG data URL. */
export async function svgToPng(svg: SVGSVGElement, background: string): Promise<string> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.style.fontFamily = getComputedStyle(svg).fontFamily;
  const text = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the chart onto a canvas');
  ctx.scale(2, 2);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}
