import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A local SMTP server on 127.0.0.1 that keeps every mail it receives, parsed. */
export type SmtpSink = {
  /** `smtp://127.0.0.1:<port>`, for `smtpMailer`. */
  url: string;
  received: ParsedMail[];
  /** Resolves with the `n`th mail (1-based) once it has arrived. */
  mail(n: number): Promise<ParsedMail>;
  close(): Promise<void>;
};

/**
 * Starts the sink. No TLS and no auth: it is a test double of a mail relay, reachable only locally.
 *
 * @example const sink = await smtpSink(); const mailer = smtpMailer(sink.url, 'herald@test');
 */
export async function smtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const wake of waiting.splice(0)) wake();
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async mail(n) {
      while (received.length < n) await new Promise<void>((wake) => waiting.push(wake));
      return received[n - 1] as ParsedMail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
