import { inflateSync } from 'node:zlib';

/*
 * Just enough of a PDF reader to get the text back out of a Chromium (Skia)
 * PDF: objects, Flate streams, Type0 fonts with ToUnicode CMaps, and Tj/TJ
 * text operators. Tests use it to prove the PDF really contains the
 * Vietnamese text (with its diacritics), not boxes or a blank page.
 */

interface PdfObject {
  dict: string;
  stream: Buffer | undefined;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  // latin1 maps bytes 1:1 to characters, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const body = text.slice(start, text.indexOf('endobj', start));
    const keyword = /stream\r?\n/.exec(body);
    let stream: Buffer | undefined;
    if (keyword) {
      const dataStart = start + keyword.index + keyword[0].length;
      const raw = pdf.subarray(dataStart, text.indexOf('endstream', dataStart));
      try {
        stream = body.includes('/FlateDecode') ? inflateSync(raw) : raw;
      } catch {
        stream = undefined;
      }
    }
    objects.set(Number(m[1]), { dict: keyword ? body.slice(0, keyword.index) : body, stream });
  }
  return objects;
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => Number.parseInt(h, 16);
  const unicode = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map(hex));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      if (from && to) map.set(hex(from), unicode(to));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      if (!lo || !hi || !to) continue;
      for (let g = hex(lo); g <= hex(hi); g++) map.set(g, String.fromCodePoint(hex(to) + g - hex(lo)));
    }
  }
  return map;
}

/** The text of every page, one line per text block, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmapOfFont = new Map<string, Map<number, string>>();
  for (const obj of objects.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(obj.dict)?.[1];
    if (!fonts) continue;
    for (const [, name, ref] of fonts.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(ref));
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict)?.[1];
      const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream : undefined;
      if (name && cmap) cmapOfFont.set(name, parseCMap(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const obj of objects.values()) {
    const content = obj.stream?.toString('latin1');
    if (!content?.includes('BT')) continue;
    for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
      let font: Map<number, string> | undefined;
      let line = '';
      for (const t of (block[1] ?? '').matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]+)>/g)) {
        if (t[1]) font = cmapOfFont.get(t[1]);
        else if (t[2] && font) {
          for (const g of t[2].match(/.{4}/g) ?? []) line += font.get(Number.parseInt(g, 16)) ?? '\uFFFD';
        }
      }
      if (line) lines.push(line);
    }
  }
  return lines.join('\n');
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
