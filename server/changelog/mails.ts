import { html } from 'hono/html';
import type { OutgoingMail } from '../deps.ts';
import { contentHtml, ctaHtml } from '../routes/changelog/content-html.ts';
import type { PublicPost } from '../schema/changelog.ts';

/** What a mail needs to know about the changelog it comes from. */
export type MailContext = { siteName: string; changelogUrl: string; base: string | null };

/** The mail that asks an address to confirm its subscription (double opt-in). */
export async function confirmationMail(
  log: MailContext,
  to: string,
  confirmUrl: string,
): Promise<OutgoingMail> {
  const subject = `Confirm your subscription to the ${log.siteName} changelog`;
  const text = [
    `Someone, hopefully you, asked to get new posts of the ${log.siteName} changelog by email.`,
    '',
    `Confirm here: ${confirmUrl}`,
    '',
    'If it was not you, ignore this mail: nothing will be sent without a confirmation.',
  ].join('\n');
  const body =
    await html`<p>Someone, hopefully you, asked to get new posts of the ${log.siteName} changelog by email.</p>
<p><a href="${confirmUrl}">Confirm your subscription</a></p>
<p>If it was not you, ignore this mail: nothing will be sent without a confirmation.</p>`;
  return { to, subject, text, html: body.toString() };
}

/**
 * One digest: the new public posts, newest first, each linking to its permalink, with RFC 8058 one-click
 * unsubscribe headers (a mail client POSTs `List-Unsubscribe=One-Click` to the URL).
 */
export async function digestMail(
  log: MailContext,
  to: string,
  posts: PublicPost[],
  unsubscribeUrl: string,
): Promise<OutgoingMail> {
  const link = (p: PublicPost) => `${log.changelogUrl}/posts/${p.id}`;
  const subject =
    posts.length === 1
      ? `${log.siteName}: ${posts[0]?.content.title}`
      : `${log.siteName}: ${posts.length} new posts in the changelog`;
  const text = [
    `New in ${log.siteName}:`,
    '',
    ...posts.map((p) => `- ${p.content.title}\n  ${link(p)}`),
    '',
    `All posts: ${log.changelogUrl}`,
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');
  const items = posts.map(
    (p) => html`<article lang="${p.locale}" dir="${p.rtl ? 'rtl' : 'ltr'}">
<h2><a href="${link(p)}">${p.content.title}</a></h2>
${contentHtml(p.content.body, { base: log.base, headingLevel: 2 })}${ctaHtml(p.content, log.base)}
</article>`,
  );
  const body = await html`<h1>New in ${log.siteName}</h1>
${items}
<p><a href="${log.changelogUrl}">All posts</a> · <a href="${unsubscribeUrl}">Unsubscribe</a></p>`;
  return {
    to,
    subject,
    text,
    html: body.toString(),
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
