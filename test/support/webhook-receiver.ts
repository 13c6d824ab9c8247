import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook receiver on 127.0.0.1: what it accepted, how often it was called, and a switch to fail. */
export type WebhookReceiver = {
  url: string;
  /** The JSON bodies it answered 200 to, in order. */
  bodies: any[];
  /** Every request, failed ones included. */
  attempts(): number;
  /** While true, every request is answered 500, as by a chat tool that is down. */
  down: boolean;
  close(): Promise<void>;
};

/**
 * Starts a receiver that answers 500 to its first `failures` requests (and while `down`), 200 after.
 *
 * @example const hook = await webhookReceiver(1); // the first delivery needs a retry
 */
export async function webhookReceiver(failures = 0): Promise<WebhookReceiver> {
  let attempts = 0;
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      attempts += 1;
      if (hook.down || attempts <= failures) {
        res.writeHead(500).end();
        return;
      }
      hook.bodies.push(JSON.parse(data));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const hook: WebhookReceiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    bodies: [],
    attempts: () => attempts,
    down: false,
    close: () => new Promise((r) => server.close(() => r())),
  };
  return hook;
}
