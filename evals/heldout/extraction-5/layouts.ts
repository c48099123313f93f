import { blockAfter, type Code } from './codes.ts';
import { chunks, shuffled } from './kit.ts';

/**
 * Set 5's layouts: the characters laid out in a grid read along a stated path, or kept in a data
 * structure walked by a stated rule. `render` writes the reply's payload and rule, `read` walks it.
 */
const NEWLINE = '¶';
const FILL = '▒';

/** The cells of a `width`×`height` grid in the order a path visits them. */
type Path = (width: number, height: number) => [number, number][];

const spiralPath: Path = (w, h) => {
  const out: [number, number][] = [];
  let [top, left, bottom, right] = [0, 0, h - 1, w - 1];
  while (top <= bottom && left <= right) {
    for (let x = left; x <= right; x++) out.push([top, x]);
    for (let y = top + 1; y <= bottom; y++) out.push([y, right]);
    if (top < bottom) for (let x = right - 1; x >= left; x--) out.push([bottom, x]);
    if (left < right) for (let y = bottom - 1; y > top; y--) out.push([y, left]);
    [top, left, bottom, right] = [top + 1, left + 1, bottom - 1, right - 1];
  }
  return out;
};

/** JPEG's zigzag: anti-diagonals, alternately up-right and down-left, from the top-left cell. */
const zigzagPath: Path = (w, h) => {
  const out: [number, number][] = [];
  for (let s = 0; s < w + h - 1; s++) {
    const cells: [number, number][] = [];
    for (let y = 0; y < h; y++) if (s - y >= 0 && s - y < w) cells.push([y, s - y]);
    out.push(...(s % 2 === 0 ? cells.reverse() : cells));
  }
  return out;
};

function grid(path: Path, rule: string, marker: string, width: number): Code {
  return {
    render(text) {
      const flat = [...text.replace(/\n/g, NEWLINE)];
      const height = Math.ceil(flat.length / width);
      const rows = Array.from({ length: height }, () => Array<string>(width).fill(FILL));
      path(width, height).forEach(([y, x], i) => {
        rows[y]![x] = flat[i] ?? FILL;
      });
      return `${marker}: a ${width}×${height} grid. ${rule} ${NEWLINE} is a line break, ${FILL} is filler, every other character is itself (spaces included).\n\n\`\`\`text\n${rows.map((r) => r.join('')).join('\n')}\n\`\`\``;
    },
    read(text) {
      const body = blockAfter(text, new RegExp(marker));
      if (!body) return [];
      const rows = body.split('\n').map((r) => [...r]);
      const width = rows[0]?.length ?? 0;
      if (!width || rows.some((r) => r.length !== width)) return [];
      const out = path(width, rows.length)
        .map(([y, x]) => rows[y]![x])
        .join('');
      return [out.replaceAll(FILL, '').replaceAll(NEWLINE, '\n')];
    },
  };
}

export const spiral = grid(
  spiralPath,
  'Start at the top-left corner, go right, and read clockwise in a spiral towards the centre.',
  'Spiral grid',
  36,
);
export const zigzag = grid(
  zigzagPath,
  'Read it in JPEG zigzag order: top-left cell, then the anti-diagonals one after another, alternating up-right and down-left (the second diagonal goes down-left).',
  'Zigzag grid',
  34,
);

const jsonOr = <T>(raw: string, fallback: T): T => {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
};

/** A rope: leaves of 3-6 characters under a binary tree, nodes listed in shuffled order. */
export const rope: Code = {
  render(text) {
    const nodes: { id: string; left?: string; right?: string; text?: string }[] = [];
    const names = shuffled(
      Array.from({ length: 1000 }, (_, i) => `n${i + 100}`),
      5,
    );
    const build = (parts: string[]): string => {
      const id = names.pop()!;
      if (parts.length === 1) nodes.push({ id, text: parts[0]! });
      else {
        const half = Math.ceil(parts.length / 2);
        nodes.push({ id, left: build(parts.slice(0, half)), right: build(parts.slice(half)) });
      }
      return id;
    };
    const root = build(chunks(text, 3, 6, 23));
    const lines = shuffled(nodes, 29).map((n) => JSON.stringify(n));
    return `The file as a rope (a binary tree of strings). root = ${root}. Walk it depth-first, left before right, and concatenate the leaves' \`text\`.\n\n\`\`\`jsonl\n${lines.join('\n')}\n\`\`\``;
  },
  read(text) {
    const root = /root = (n\d+)/.exec(text)?.[1];
    if (!root) return [];
    const nodes = new Map<string, { left?: string; right?: string; text?: string }>();
    for (const m of text.matchAll(/^\{"id":.*\}$/gm)) {
      const n = jsonOr<{ id?: string; left?: string; right?: string; text?: string }>(m[0], {});
      if (n.id) nodes.set(n.id, n);
    }
    const walk = (id: string | undefined, depth: number): string => {
      const n = id === undefined ? undefined : nodes.get(id);
      if (!n || depth > 64) return '';
      return n.text ?? walk(n.left, depth + 1) + walk(n.right, depth + 1);
    };
    return [walk(root, 0)];
  },
};

/** A singly linked list as CSV rows (id, chunk, next), shuffled; the head is stated. */
export const linkedList: Code = {
  render(text) {
    const parts = chunks(text, 4, 8, 31);
    const ids = shuffled(
      Array.from({ length: parts.length }, (_, i) => `r${(i * 37 + 11) % 997}`),
      3,
    );
    const rows = parts.map((p, i) => `${ids[i]},${JSON.stringify(p)},${ids[i + 1] ?? 'NULL'}`);
    return `The file as a linked list (CSV: id, chunk as a JSON string, next id). Start at head = ${ids[0]} and follow \`next\` until NULL, concatenating the chunks.\n\n\`\`\`csv\nid,chunk,next\n${shuffled(rows, 37).join('\n')}\n\`\`\``;
  },
  read(text) {
    const head = /head = (r\d+)/.exec(text)?.[1];
    if (!head) return [];
    const rows = new Map<string, [string, string]>();
    for (const m of text.matchAll(/^(r\d+),("(?:[^"\\]|\\.)*"),(r\d+|NULL)$/gm))
      rows.set(m[1]!, [jsonOr(m[2]!, ''), m[3]!]);
    let out = '';
    for (let id = head, n = 0; rows.has(id) && n < 2000; n++) {
      const [chunk, next] = rows.get(id)!;
      out += chunk;
      id = next;
    }
    return [out];
  },
};

const escapeHtml = (t: string) =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeHtml = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Flex items in shuffled source order; the browser lays them out by their CSS `order`. */
export const cssOrder: Code = {
  render(text) {
    const parts = chunks(text, 2, 5, 41).map((p, i) => [i + 1, p] as const);
    const spans = shuffled(parts, 43).map(
      ([n, p]) => `  <span style="order:${n}">${escapeHtml(p).replace(/\n/g, '<br>')}</span>`,
    );
    return `Open this in a browser: the flex container lays the spans out by their CSS \`order\`, so the page shows the file (\`<br>\` is a line break, \`white-space: pre\` keeps the spaces).\n\n\`\`\`html\n<div style="display:flex;flex-wrap:wrap;white-space:pre;font-family:monospace">\n${spans.join('\n')}\n</div>\n\`\`\``;
  },
  read(text) {
    const spans = [...text.matchAll(/<span style="order:(\d+)">(.*?)<\/span>/g)].map(
      (m) => [Number(m[1]), unescapeHtml(m[2]!.replace(/<br>/g, '\n'))] as const,
    );
    if (spans.length < 10) return [];
    return [
      spans
        .sort((a, b) => a[0] - b[0])
        .map(([, p]) => p)
        .join(''),
    ];
  },
};
