/**
 * `dalel list DIR | head -1`: once the reader has what it wants it goes
 * away, and the next write fails with EPIPE. That is the reader's choice,
 * not a failure of the command: the stream is written to no more, and the
 * command ends as it would have (its work done, the archive closed), with
 * no stack trace. Any other error of the stream is left to fail as before.
 */

export interface Outlet {
  /** True once the reader went away: nothing more is written to it. */
  closed(): boolean;
}

export function watchForClosedPipe(stream: NodeJS.WritableStream): Outlet {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // After EPIPE the stream is destroyed: writes already queued fail too (ERR_STREAM_DESTROYED).
    if (closed || error.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw error;
  });
  return { closed: () => closed };
}
