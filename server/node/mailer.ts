import nodemailer from 'nodemailer';
import type { Mailer } from '../deps.ts';

/**
 * A mailer over SMTP, e.g. `smtp://user:pass@mail.example.com:587` or `smtps://…:465` (nodemailer's URL
 * form, options such as `?pool=true` included). Node-only, so it is built in main.ts and passed to the app.
 *
 * @example const mailer = smtpMailer(env.HERALD_SMTP_URL, 'Herald <changelog@example.com>')
 */
export function smtpMailer(url: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}
