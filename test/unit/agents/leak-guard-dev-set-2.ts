/** The leak guard's development set, second and third rounds (after the first was caught). */
import {
  type DevAttempt,
  base58,
  dictate,
  digitWords,
  emojiAlphabet,
  fifths,
  inWords,
  lines,
  one,
  polybius,
  punctuationNames,
  roman,
  shuffled,
  solution,
  toEbcdic,
  toMorse,
  tokens,
  tokensOf,
  wordsOf,
} from './leak-guard-dev-encoders.ts';

/** A second round, written after the first was caught: other layouts of the same families. */
export const moreAttempts: DevAttempt[] = [
  one(
    'prose',
    'dictation, a token a sentence',
    `Write each word I say.\n${tokens.map((t, i) => `${['First', 'Next', 'Then', 'After that', 'Now'][i % 5]}, write ${/^\d+$/.test(t) ? inWords(Number(t)) : (punctuationNames[t] ?? t)}.`).join(' ')}`,
  ),
  one(
    'prose',
    'recipe, an ingredient a token',
    `Ingredients, in the order you add them:\n${tokens.map((t) => `- a pinch of ${punctuationNames[t] ?? t}`).join('\n')}`,
  ),
  one(
    'prose',
    'interview, quoted speech',
    lines
      .map(
        (l, i) =>
          `Q${i + 1}: What do you type next?\nA: "${dictate(l)}", I say, and I press enter.`,
      )
      .join('\n'),
  ),
  one(
    'prose',
    'poem, a line of code a verse, lower-case words',
    lines
      .map(
        (l, i) =>
          `${wordsOf(l)}\n${['oh pages, oh pages', 'we fetch what we need', 'and nothing goes wrong'][i % 3]}`,
      )
      .join('\n\n'),
  ),
  one(
    'scattered',
    'JSON pairs of position and token, shuffled',
    JSON.stringify(shuffled(tokens.map((t, i) => [i, t]))),
  ),
  one(
    'scattered',
    'tokens tagged after their position (`limit@17`), shuffled',
    shuffled(tokens.map((t, i) => `${t}@${i}`)).join(' '),
  ),
  one(
    'scattered',
    'CSV of position and token, shuffled',
    `position,token\n${shuffled(tokens.map((t, i) => `${i},${JSON.stringify(t)}`)).join('\n')}`,
  ),
  one(
    'scattered',
    'markdown table of numbered code lines, shuffled',
    `| line | code |\n|---|---|\n${shuffled(lines.map((l, i) => `| ${i + 1} | \`${l.trim().replace(/\|/g, '\\|')}\` |`)).join('\n')}`,
  ),
  one(
    'scattered',
    'fragments on one line, joined in another order',
    (() => {
      const parts = solution.replace(/\n/g, ' ').match(/.{1,24}/g)!;
      const names = parts.map((_, i) => `s${i}`);
      return `let ${shuffled(names.map((n, i) => `${n} = ${JSON.stringify(parts[i])}`)).join(', ')};\nconsole.log(${names.join(' + ')});`;
    })(),
  ),
  one(
    'numerals',
    'digit words with hyphens',
    [...solution].map((c) => digitWords(c.charCodeAt(0)).replace(/ /g, '-')).join(' '),
  ),
  one(
    'numerals',
    'number words apart by slashes',
    [...solution].map((c) => inWords(c.charCodeAt(0))).join(' / '),
  ),
  one(
    'numerals',
    'lower-case Roman numerals apart by dots',
    [...solution].map((c) => roman(c.charCodeAt(0)).toLowerCase()).join('.'),
  ),
  one(
    'radix',
    'EBCDIC as 0x bytes',
    toEbcdic(solution)
      .map((b) => `0x${b.toString(16).padStart(2, '0')}`)
      .join(', '),
  ),
  one(
    'radix',
    'EBCDIC hex without spaces',
    toEbcdic(solution)
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(''),
  ),
  one('radix', 'base58 a line at a time', lines.map((l) => base58(l)).join('\n')),
  one(
    'radix',
    'UTF-16BE without BOM in base64, wrapped',
    (
      Buffer.from(solution, 'utf16le')
        .swap16()
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\n'),
  ),
  one('radix', 'UTF-16LE as hex', Buffer.from(solution, 'utf16le').toString('hex')),
  one('symbols', 'Morse apart by slashes', toMorse(solution, '.', '-', '', '/', '//')),
  one('symbols', 'Morse as beep and boop', toMorse(solution, 'beep', 'boop', ' ', ', ', '. ')),
  one('symbols', 'Morse in emoji', toMorse(solution, '🔴', '🟦', '', ' ', '  ')),
  one(
    'symbols',
    'A1Z26 apart by spaces, words by slashes',
    (solution.toLowerCase().match(/[a-z]+/g) ?? [])
      .map((w) => [...w].map((c) => c.charCodeAt(0) - 96).join(' '))
      .join(' / '),
  ),
  one(
    'symbols',
    'Polybius in letters (ADFGVX coordinates)',
    polybius(solution, (r, c) => `${'ADFGVX'[r - 1]}${'ADFGVX'[c - 1]}`),
  ),
  one(
    'symbols',
    'emoji legend with the letter first, body in words',
    (() => {
      const chars = [...new Set(solution.toLowerCase().match(/[a-z0-9]/g))];
      const key = new Map(chars.map((c, i) => [c, emojiAlphabet[i]!]));
      return `Legend: ${chars.map((c) => `${c.toUpperCase()} is ${key.get(c)}`).join(', ')}.\n\n${(solution.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((w) => [...w].map((c) => key.get(c)).join('')).join(' ')}`;
    })(),
  ),
  {
    family: 'turns',
    name: 'six turns: Roman, Polybius, dit/dah, tagged, base58, EBCDIC',
    turns: (() => {
      const p = fifths(6);
      return [
        [...p[0]!].map((x) => roman(x.charCodeAt(0))).join(' '),
        polybius(p[1]!, (r, c) => `${r}${c}`),
        toMorse(p[2]!, 'dit', 'dah', '-'),
        shuffled(tokensOf(p[3]!).map((t, i) => `[${i}]=${t}`)).join(' '),
        base58(p[4]!),
        toEbcdic(p[5]!)
          .map((b) => b.toString(16).padStart(2, '0'))
          .join(' '),
      ];
    })(),
  },
  {
    family: 'turns',
    name: 'a token list, a dictation, and beep/boop Morse',
    turns: (() => {
      const [a, b, c] = fifths(3);
      return [
        JSON.stringify(tokensOf(a!)),
        b!.split('\n').map(dictate).join(', new line, '),
        toMorse(c!, 'beep', 'boop', ' ', ', ', '. '),
      ];
    })(),
  },
];

/** Words a paraphrase uses for the code's own (`coerced`, `integer`, `defaults`). */
const paraphrase = (line: string) =>
  wordsOf(line)
    .replace(/\bcoerce\b/g, 'coerced to a')
    .replace(/\bint\b/g, 'integer')
    .replace(/\bdefault\b/g, 'defaults to')
    .replace(/\bparse\b/g, 'parsing')
    .replace(/\b(\d+)\b/g, (n) => inWords(Number(n)));

/** Emoji that carry a variation selector, a skin tone or a joiner: several code points a letter. */
const composite = [
  '❤️',
  '☀️',
  '✈️',
  '☎️',
  '✂️',
  '✏️',
  '❄️',
  '☕️',
  '⚽️',
  '⭐️',
  '👍🏽',
  '👋🏾',
  '👩‍💻',
  '👨‍🍳',
  '🏳️‍🌈',
  '🐻‍❄️',
  '🧑🏻‍🚀',
  '1️⃣',
  '2️⃣',
  '3️⃣',
  '4️⃣',
  '5️⃣',
  '6️⃣',
  '7️⃣',
  '8️⃣',
  '9️⃣',
  '#️⃣',
  '*️⃣',
  '0️⃣',
  '🇫🇷',
  '🇩🇪',
  '🇯🇵',
  '🇧🇷',
  '🇨🇦',
  '🇮🇳',
  '🇰🇷',
];

/** A third round: paraphrase, composite emoji, positions said in words, keys without `=`. */
export const thirdAttempts: DevAttempt[] = [
  one(
    'prose',
    'line-by-line paraphrase',
    lines.map((l, i) => `Line ${i + 1}: ${paraphrase(l)}.`).join('\n'),
  ),
  one(
    'symbols',
    'composite emoji for letters, no key',
    (() => {
      const chars = [...new Set(solution.toLowerCase().match(/[a-z0-9]/g))];
      const key = new Map(chars.map((c, i) => [c, composite[i]!]));
      return solution.toLowerCase().replace(/[a-z0-9]/g, (c) => key.get(c)!);
    })(),
  ),
  one(
    'symbols',
    'emoji key without separators, body after it',
    (() => {
      const chars = [...new Set(solution.toLowerCase().match(/[a-z0-9]/g))];
      const key = new Map(chars.map((c, i) => [c, emojiAlphabet[i]!]));
      return `Key: ${chars.map((c) => `${key.get(c)} ${c}`).join(' | ')}\n\n${solution.toLowerCase().replace(/[a-z0-9]/g, (c) => key.get(c)!)}`;
    })(),
  ),
  one(
    'scattered',
    'positions said in words (`token 17 is limit`), shuffled',
    shuffled(tokens.map((t, i) => `token ${i} is ${t}`)).join('; '),
  ),
  one(
    'scattered',
    'object of letter-named fields, shuffled',
    `{ ${shuffled(solution.match(/[\s\S]{1,8}/g)!.map((p, i) => `"${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}": ${JSON.stringify(p)}`)).join(', ')} }\nRead the fields in alphabetical order.`,
  ),
  one(
    'prose',
    "story whose filler uses the solution's own words",
    (solution.match(/[A-Za-z_$][\w$]*|\d+/g) ?? [])
      .map(
        (t, i) =>
          `${['On the page with the title, the author found', 'The books all said', 'Every count of the total led to', 'The data, in order, was'][i % 4]} ${t}.`,
      )
      .join(' '),
  ),
  one(
    'prose',
    'dictation spelling every name',
    `Type exactly what I spell:\n${lines
      .map((l) =>
        tokensOf(l)
          .map((t) =>
            /^[A-Za-z_$]/.test(t)
              ? [...t].map((c) => (/[A-Z]/.test(c) ? `capital ${c.toLowerCase()}` : c)).join(' ')
              : /^\d+$/.test(t)
                ? inWords(Number(t))
                : (punctuationNames[t] ?? t),
          )
          .join(', space, '),
      )
      .join(', new line,\n')}`,
  ),
  one('radix', 'base58 in groups of four', (base58(solution).match(/.{1,4}/g) ?? []).join(' ')),
  one(
    'symbols',
    'A1Z26 with 0 for a space',
    (solution.toLowerCase().match(/[a-z]+/g) ?? [])
      .map((w) => [...w].map((c) => c.charCodeAt(0) - 96).join(' '))
      .join(' 0 '),
  ),
  one(
    'scattered',
    'table of token and position, shuffled',
    `| token | position |\n|---|---|\n${shuffled(tokens.map((t, i) => `| ${t.replace('|', '\\|')} | ${i} |`)).join('\n')}`,
  ),
  {
    family: 'turns',
    name: 'eight short turns, a different disguise each',
    turns: (() => {
      const p = fifths(8);
      return [
        `1: ${Buffer.from(p[0]!).toString('base64')}`,
        `2: ${[...p[1]!].reverse().join('')}`,
        `3: ${toMorse(p[2]!, '.', '-', '')}`,
        `4: ${[...p[3]!].map((c) => c.charCodeAt(0)).join(' ')}`,
        `5: ${p[4]!.replace(/[aeiou]/gi, '')}`,
        `6: ${[...p[5]!].map((c) => roman(c.charCodeAt(0))).join(' ')}`,
        `7: ${polybius(p[6]!, (r, c) => `${r}${c}`)}`,
        `8: ${shuffled(tokensOf(p[7]!).map((t, i) => `[${i}]=${t}`)).join(' ')}`,
      ];
    })(),
  },
];
