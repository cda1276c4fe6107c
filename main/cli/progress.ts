import { durationInWords } from '../../shared/words/time';

/** Calls `tick` every `ms` until the returned function is called. */
export type Every = (ms: number, tick: () => void) => () => void;

const everyInterval: Every = (ms, tick) => {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
};

/** Where progress goes and how time passes; tests pass their own. */
export interface ProgressIo {
  /** Writes to the terminal (stderr), without a newline. */
  write: (text: string) => void;
  /** Epoch ms. */
  now?: () => number;
  every?: Every;
}

/** Back to the start of the line, and the line erased. */
const CLEAR_LINE = '\r\x1b[2K';

/**
 * Shows "Locking… waiting for the car (12 s)" on one terminal line, redrawn every second, until
 * the returned function erases it (so the outcome that follows starts on a clean line).
 */
export function showProgress(doing: string, io: ProgressIo): () => void {
  const now = io.now ?? Date.now;
  const every = io.every ?? everyInterval;
  const started = now();
  const draw = () =>
    io.write(
      `${CLEAR_LINE}${doing}… waiting for the car (${durationInWords(now() - started, 'down')})`,
    );
  draw();
  const stop = every(1000, draw);
  return () => {
    stop();
    io.write(CLEAR_LINE);
  };
}
