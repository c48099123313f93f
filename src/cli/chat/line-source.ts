import { createInterface, type Interface } from 'node:readline';

/**
 * What the learner entered, as the chat should read it: on a terminal, the lines that arrived
 * together (a paste: bracketed-paste markers, or lines within `pasteWindowMs` of each other) are one
 * entry; piped input gives one line per entry. `eof: 'soft'` is Ctrl-D in the plan editor (the chat
 * goes on), `'hard'` the end of the input.
 */
export interface Entry {
  readonly lines: readonly string[];
  readonly eof?: 'soft' | 'hard';
}

export interface LineSourceOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly interactive: boolean;
  /** Lines closer together than this are one paste (a person cannot press Enter that fast). */
  readonly pasteWindowMs?: number;
}

const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

export class LineSource {
  private rl!: Interface;
  private readonly entries: Entry[] = [];
  private waiting: ((entry: Entry) => void) | null = null;
  private buffer: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inPaste = false;
  private softEof = false;
  private ended = false;
  /** The plan editor is open: Ctrl-D ends the plan, not the chat. */
  editing = false;

  private readonly options: LineSourceOptions;

  constructor(options: LineSourceOptions) {
    this.options = options;
    if (options.interactive) {
      // Seen before readline's own handler: the paste markers and Ctrl-D on an empty line.
      options.input.on('keypress', (_s: string, key?: { name?: string; ctrl?: boolean }) => {
        if (key?.name === 'paste-start') {
          this.inPaste = true;
          clearTimeout(this.timer);
        } else if (key?.name === 'paste-end') {
          this.inPaste = false;
          // A paste that ended with a newline is complete; otherwise its last line waits for Enter.
          if (this.rl.line === '') this.schedule();
        } else if (key?.ctrl && key.name === 'd' && this.editing && this.rl.line === '')
          this.softEof = true;
      });
      options.output.write(PASTE_ON);
    }
    this.open();
  }

  private open(): void {
    const { input, output, interactive } = this.options;
    // On a terminal readline needs the output stream too: it draws the prompt and echoes what the
    // learner types there (without it the learner types blind).
    this.rl = createInterface({ input, ...(interactive ? { output } : {}), terminal: interactive });
    this.rl.on('line', (line) => this.onLine(line));
    this.rl.on('close', () => this.onClose());
  }

  private onLine(line: string): void {
    if (!this.options.interactive) return this.push({ lines: [line] });
    this.buffer.push(line);
    if (!this.inPaste) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.pasteWindowMs ?? 30);
  }

  private flush(): void {
    clearTimeout(this.timer);
    if (this.buffer.length) this.push({ lines: this.buffer });
    this.buffer = [];
  }

  private onClose(): void {
    this.flush();
    if (this.softEof && !this.ended) {
      // Ctrl-D closed readline; the editor ends and the chat reads on with a new interface.
      this.softEof = false;
      this.push({ lines: [], eof: 'soft' });
      this.open();
      return;
    }
    this.ended = true;
    this.push({ lines: [], eof: 'hard' });
  }

  private push(entry: Entry): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(entry);
    } else this.entries.push(entry);
  }

  /** The next entry; after the end of the input, always `{ eof: 'hard' }`. */
  next(): Promise<Entry> {
    const entry = this.entries.shift();
    if (entry) return Promise.resolve(entry);
    if (this.ended) return Promise.resolve({ lines: [], eof: 'hard' });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** Shows a prompt (terminals only). */
  prompt(text: string): void {
    if (!this.options.interactive || this.ended) return;
    this.rl.setPrompt(text);
    this.rl.prompt();
  }

  close(): void {
    clearTimeout(this.timer);
    this.ended = true;
    if (this.options.interactive) this.options.output.write(PASTE_OFF);
    this.rl.close();
  }
}
