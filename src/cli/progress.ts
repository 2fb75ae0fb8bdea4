import type { JobResult } from '../batch/index.js';
import type { Lang } from '../load/index.js';
import { statusWord } from './report.js';
import { cliMessages } from '../messages/cli.js';
import { say } from '../messages/types.js';

/**
 * Progress on stderr: a bar redrawn in place on a terminal, one plain line per finished file
 * otherwise (logs, CI), so either way a long batch shows it is moving.
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private readonly tty: boolean;

  constructor(private readonly total: number, private readonly lang: Lang, stream = process.stderr) {
    this.tty = Boolean(stream.isTTY) && total > 1;
    this.stream = stream;
    if (this.tty) this.draw('');
  }

  private readonly stream: NodeJS.WriteStream;

  /** Print a message above the bar. */
  message(text: string): void {
    if (!text) return;
    if (this.tty) this.stream.write('\r\x1b[2K');
    this.stream.write(`${text}\n`);
    if (this.tty) this.draw('');
  }

  result(r: JobResult): void {
    this.done++;
    if (r.status !== 'ok') this.failed++;
    if (this.tty) this.draw(r.input);
    else if (this.total > 1) this.stream.write(`[${this.done}/${this.total}] ${r.input}: ${statusWord(r.status, this.lang)} (${r.ms} ms)\n`);
  }

  end(): void {
    if (this.tty) this.stream.write('\r\x1b[2K');
  }

  private draw(current: string): void {
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const failed = this.failed ? say(this.lang, cliMessages.progressFailed, this.failed) : '';
    const cols = this.stream.columns || 80;
    this.stream.write(`\r\x1b[2K${`[${bar}] ${this.done}/${this.total}${failed} ${current}`.slice(0, cols - 1)}`);
  }
}
