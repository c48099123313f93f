/**
 * Containers a piece of the solution travels in: each shows where the piece goes (its line and its
 * part within the line) and which codec (codecs.ts) disguises it, the way a learner would be told.
 * `render` builds a reply's body; `extract` is the oracle's reading of the same container.
 */
export interface Piece {
  line: number;
  part: number;
  /** The codec's tag (`caesar+7` carries its key). */
  tag: string;
  payload: string;
}

export interface Container {
  name: string;
  render(pieces: Piece[]): string;
  extract(text: string): Piece[];
}

const roman = (n: number): string => {
  const table: [number, string][] = [
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
};
const fromRoman = (s: string): number => {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!] ?? 0;
    n += a < (v[s[i + 1] ?? ''] ?? 0) ? -a : a;
  }
  return n;
};
const ordinals =
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second twenty-third twenty-fourth'.split(
    ' ',
  );

const all = (text: string, re: RegExp) => [...text.matchAll(re)];
const unjson = (s: string) => {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return '';
  }
};
const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const xmlUnescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const piece = (line: string, part: string, tag: string, payload: string): Piece => ({
  line: Number(line),
  part: Number(part),
  tag,
  payload,
});

export const containers: Record<string, Container> = {
  list: {
    name: 'list',
    render: (ps) =>
      ps.map((p) => `- Fragment ${p.line}.${p.part} [${p.tag}]: «${p.payload}»`).join('\n'),
    extract: (t) =>
      all(t, /Fragment (\d+)\.(\d+) \[([\w+]+)\]: «([^»\n]*)»/g).map((m) =>
        piece(m[1]!, m[2]!, m[3]!, m[4]!),
      ),
  },
  json: {
    name: 'json',
    render: (ps) =>
      `\`\`\`json\n[\n${ps.map((p) => `  ${JSON.stringify({ ln: p.line, pt: p.part, codec: p.tag, v: p.payload })}`).join(',\n')}\n]\n\`\`\``,
    extract: (t) =>
      all(t, /\{"ln":(\d+),"pt":(\d+),"codec":"([\w+]+)","v":"((?:[^"\\\n]|\\.)*)"\}/g).map((m) =>
        piece(m[1]!, m[2]!, m[3]!, unjson(m[4]!)),
      ),
  },
  table: {
    name: 'table',
    render: (ps) =>
      [
        '| row | col | scheme | cell |',
        '| ---: | ---: | --- | --- |',
        ...ps.map(
          (p) => `| ${p.line} | ${p.part} | ${p.tag} | ${p.payload.replace(/[|\\]/g, '\\$&')} |`,
        ),
      ].join('\n'),
    extract: (t) =>
      all(t, /^\| (\d+) \| (\d+) \| ([\w+]+) \| ((?:[^|\\\n]|\\.)*) \|$/gm).map((m) =>
        piece(m[1]!, m[2]!, m[3]!, m[4]!.replace(/\\(.)/g, '$1')),
      ),
  },
  test: {
    name: 'test',
    render: (ps) =>
      ps
        .map(
          (p) =>
            `  expect(slice(${p.line}, ${p.part}, '${p.tag}')).toBe(${JSON.stringify(p.payload)});`,
        )
        .join('\n'),
    extract: (t) =>
      all(t, /expect\(slice\((\d+), (\d+), '([\w+]+)'\)\)\.toBe\("((?:[^"\\\n]|\\.)*)"\);/g).map(
        (m) => piece(m[1]!, m[2]!, m[3]!, unjson(m[4]!)),
      ),
  },
  poem: {
    name: 'poem',
    render: (ps) =>
      ps
        .map(
          (p) =>
            `Canto ${roman(p.line)}, verse ${p.part}, sung in ${p.tag}:\n    “${p.payload}”\n  and the lantern swung on through the night.`,
        )
        .join('\n\n'),
    extract: (t) =>
      all(t, /Canto ([IVXL]+), verse (\d+), sung in ([\w+]+):\s*“([^”\n]*)”/g).map((m) =>
        piece(String(fromRoman(m[1]!)), m[2]!, m[3]!, m[4]!),
      ),
  },
  diff: {
    name: 'diff',
    render: (ps) =>
      `\`\`\`diff\n${ps.map((p) => `@@ -${p.line},0 +${p.line},1 @@ chunk ${p.part} ${p.tag}\n+${p.payload}`).join('\n')}\n\`\`\``,
    extract: (t) =>
      all(t, /^@@ -(\d+),0 \+\d+,1 @@ chunk (\d+) ([\w+]+)\n\+(.*)$/gm).map((m) =>
        piece(m[1]!, m[2]!, m[3]!, m[4]!),
      ),
  },
  yaml: {
    name: 'yaml',
    render: (ps) =>
      ps
        .map(
          (p) =>
            `- at: [${p.line}, ${p.part}]\n  as: ${p.tag}\n  is: '${p.payload.replace(/'/g, "''")}'`,
        )
        .join('\n'),
    extract: (t) =>
      all(t, /- at: \[(\d+), (\d+)\]\n\s*as: ([\w+]+)\n\s*is: '((?:[^'\n]|'')*)'/g).map((m) =>
        piece(m[1]!, m[2]!, m[3]!, m[4]!.replace(/''/g, "'")),
      ),
  },
  xml: {
    name: 'xml',
    render: (ps) =>
      `<frags>\n${ps.map((p) => `  <frag l="${p.line}" p="${p.part}" enc="${p.tag}">${xmlEscape(p.payload)}</frag>`).join('\n')}\n</frags>`,
    extract: (t) =>
      all(t, /<frag l="(\d+)" p="(\d+)" enc="([\w+]+)">([^<\n]*)<\/frag>/g).map((m) =>
        piece(m[1]!, m[2]!, m[3]!, xmlUnescape(m[4]!)),
      ),
  },
  csv: {
    name: 'csv',
    render: (ps) =>
      [
        'line;part;enc;text',
        ...ps.map((p) => `${p.line};${p.part};${p.tag};"${p.payload.replace(/"/g, '""')}"`),
      ].join('\n'),
    extract: (t) =>
      all(t, /^(\d+);(\d+);([\w+]+);"((?:[^"\n]|"")*)"$/gm).map((m) =>
        piece(m[1]!, m[2]!, m[3]!, m[4]!.replace(/""/g, '"')),
      ),
  },
  sql: {
    name: 'sql',
    render: (ps) =>
      ps
        .map(
          (p) =>
            `INSERT INTO shards (ln, pos, codec, body) VALUES (${p.line}, ${p.part}, '${p.tag}', '${p.payload.replace(/'/g, "''")}');`,
        )
        .join('\n'),
    extract: (t) =>
      all(
        t,
        /INSERT INTO shards \(ln, pos, codec, body\) VALUES \((\d+), (\d+), '([\w+]+)', '((?:[^'\n]|'')*)'\);/g,
      ).map((m) => piece(m[1]!, m[2]!, m[3]!, m[4]!.replace(/''/g, "'"))),
  },
  story: {
    name: 'story',
    render: (ps) =>
      ps
        .map(
          (p) =>
            `On the ${ordinals[p.line - 1]} day the courier brought parcel ${p.part}, sealed with ${p.tag}, and inside was written ⟪${p.payload}⟫.`,
        )
        .join(' '),
    extract: (t) =>
      all(
        t,
        /On the ([a-z-]+) day the courier brought parcel (\d+), sealed with ([\w+]+), and inside was written ⟪([^⟫]*)⟫/g,
      ).map((m) => piece(String(ordinals.indexOf(m[1]!) + 1), m[2]!, m[3]!, m[4]!)),
  },
};

/** Every piece any container holds in `text`. */
export const extractPieces = (text: string): Piece[] =>
  Object.values(containers).flatMap((c) => c.extract(text));
