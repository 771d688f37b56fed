/** Progress on stderr while the program and the pack load: a spinner on a terminal, plain step lines otherwise. */
const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface Progress {
  step(text: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  if (quiet) return { step: () => undefined, done: () => undefined };
  if (!stream.isTTY) return { step: (text) => stream.write(`• ${text}\n`), done: () => undefined };
  let text = "";
  let frame = 0;
  const timer = setInterval(() => stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${text}`), 80);
  timer.unref();
  return {
    step: (next) => {
      text = next;
    },
    done: () => {
      clearInterval(timer);
      stream.write("\r\x1b[2K");
    },
  };
}
