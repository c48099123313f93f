/** Progress of a run: a redrawn bar on a terminal, a few plain lines otherwise (CI logs, pipes). */
export interface Progress {
  /** One case finished; `label` names what is running (dataset or agent). */
  tick(label: string): void;
  /** A message that must not be overwritten by the bar. */
  log(line: string): void;
  done(): void;
}

interface Stream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export function createProgress(total: number, stream: Stream = process.stderr): Progress {
  let count = 0;
  const started = performance.now();
  if (stream.isTTY) {
    let last = '';
    const draw = (label: string) => {
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
      const filled = total ? Math.round((count / total) * width) : width;
      last =
        `\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${count}/${total} ${label}`.padEnd(
          width + 40,
        );
      stream.write(last);
    };
    return {
      tick(label) {
        count += 1;
        draw(label);
      },
      log(line) {
        stream.write(`\r${' '.repeat(last.length)}\r${line}\n${last}`);
      },
      done() {
        stream.write(
          `\r${' '.repeat(last.length)}\r${count} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      },
    };
  }
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    tick(label) {
      count += 1;
      if (count % step === 0 || count === total)
        stream.write(`progress ${count}/${total} (${label})\n`);
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    done() {
      stream.write(`${count} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}

/** A progress that reports nothing (library use, tests). */
export const silentProgress: Progress = { tick() {}, log() {}, done() {} };
