/**
 * A request written by hand on a raw socket, so a test can announce a huge body and then send it slowly
 * (or never): the only way to see whether a server refuses an oversize body before reading it all.
 */
import { connect } from 'node:net';

export interface SlowRequestOptions {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** Sent right after the headers. */
  firstChunk: Buffer;
  /** Sent every `trickleEveryMs` until the response starts or `giveUpMs` passes. */
  trickle: Buffer;
  trickleEveryMs: number;
  giveUpMs: number;
  /** Frame the body with chunked transfer encoding (no Content-Length). */
  chunked?: boolean;
}

export interface SlowResponse {
  status: number;
  /** Time from the first byte sent to the status line received. */
  elapsedMs: number;
  /** Bytes of body the client had sent when the answer came. */
  bodyBytesSent: number;
  raw: string;
}

export function slowRequest(options: SlowRequestOptions): Promise<SlowResponse> {
  const target = new URL(options.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(target.port), target.hostname);
    const started = performance.now();
    let sent = 0;
    let raw = '';
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const frame = (b: Buffer): Buffer =>
      options.chunked
        ? Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')])
        : b;
    const write = (b: Buffer): void => {
      if (socket.writable) {
        socket.write(frame(b));
        sent += b.length;
      }
    };
    const finish = (error?: Error): void => {
      if (done) return;
      done = true;
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      if (status)
        resolve({
          status: Number(status[1]),
          elapsedMs: performance.now() - started,
          bodyBytesSent: sent,
          raw,
        });
      else
        reject(error ?? new Error(`no HTTP status after ${options.giveUpMs} ms; got ${JSON.stringify(raw)}`));
    };
    const giveUp = setTimeout(() => finish(), options.giveUpMs);
    socket.on('connect', () => {
      const head = [
        `POST ${options.path} HTTP/1.1`,
        `Host: ${target.host}`,
        ...Object.entries(options.headers).map(([k, v]) => `${k}: ${v}`),
        ...(options.chunked ? ['Transfer-Encoding: chunked'] : []),
        '',
        '',
      ].join('\r\n');
      socket.write(head);
      write(options.firstChunk);
      timer = setInterval(() => write(options.trickle), options.trickleEveryMs);
    });
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
      // Wait for the whole head and a little body, so the error message can be checked.
      const headEnd = raw.indexOf('\r\n\r\n');
      if (headEnd >= 0 && raw.length > headEnd + 4) finish();
    });
    socket.on('error', (err) => (raw ? finish() : reject(err)));
    socket.on('close', () => finish());
  });
}
