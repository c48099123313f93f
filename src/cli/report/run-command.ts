import { spawn } from 'node:child_process';

/** What a finished command left: its exit code and everything it printed. */
export interface CommandRun {
  /** The exit code; 128 + signal number for a command killed by a signal, 127 when it could not start. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  /** Where the command's output is shown as it runs (null: captured only). */
  readonly stdout: NodeJS.WritableStream | null;
  readonly stderr: NodeJS.WritableStream | null;
  /** `inherit` for a terminal command; the chat gives `ignore` (its own readline owns stdin). */
  readonly stdin: 'inherit' | 'ignore';
  readonly env?: NodeJS.ProcessEnv;
}

/** Captured output is kept up to this many characters per stream (the start: errors come first). */
const MAX_CAPTURE = 8_000_000;

const signals: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * Runs the learner's command as they would (no shell: the words as given), showing its output while
 * it runs and keeping a copy to parse. A command that cannot start reports 127, like a shell.
 */
export function runCommand(argv: readonly string[], options: RunOptions): Promise<CommandRun> {
  return new Promise((resolve) => {
    const [file, ...args] = argv;
    const child = spawn(file!, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.stdin, 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      options.stdout?.write(chunk);
      if (stdout.length < MAX_CAPTURE) stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      options.stderr?.write(chunk);
      if (stderr.length < MAX_CAPTURE) stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const line = `${file}: ${error.code === 'ENOENT' ? 'command not found' : error.message}\n`;
      options.stderr?.write(line);
      resolve({ exitCode: 127, stdout, stderr: stderr + line });
    });
    child.on('close', (code, signal) =>
      resolve({ exitCode: code ?? 128 + (signals[signal ?? ''] ?? 1), stdout, stderr }),
    );
  });
}
