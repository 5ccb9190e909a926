// `ocpp-harness test … | head`: the reader went away. That ends the console output, not the run: the
// cases go on and the reports are still written; further writes to the closed stream are dropped.
type Guarded = NodeJS.WriteStream & { outputClosed?: boolean };

function closeQuietly(stream: Guarded): void {
  stream.outputClosed = true;
  stream.write = ((_chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    const cb = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof cb === 'function') queueMicrotask(() => (cb as () => void)());
    return true;
  }) as NodeJS.WriteStream['write'];
}

/** Turn EPIPE on stdout/stderr into a silently closed stream instead of an uncaught error. */
export function guardOutputStreams(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return closeQuietly(stream as Guarded);
      throw err;
    });
  }
}
