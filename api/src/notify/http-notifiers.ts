import { PermanentDeliveryError, type Delivery, type Notifier } from './notifier.js';

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  // 4xx other than 408/429 will not pass on a retry; 5xx, 408 and 429 may.
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
    throw new PermanentDeliveryError(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res;
}

/**
 * Zalo Notification Service (ZNS): POST the template message endpoint with the
 * OA's `access_token` header and `{ phone, template_id, template_data,
 * tracking_id }`; the answer is `{ error: 0, message, data: { msg_id } }` on
 * success and a non-zero `error` otherwise (invalid phone, template, quota…).
 * `tracking_id` carries our delivery key. The template (registered with Zalo)
 * takes the title and the link only: a quick channel carries a notice and a link.
 */
export class ZaloZnsNotifier implements Notifier {
  readonly channel = 'zalo' as const;

  constructor(private readonly cfg: { url: string; accessToken: string; templateId: string }) {}

  async send(d: Delivery): Promise<void> {
    if (!d.to.zalo_phone) throw new PermanentDeliveryError(`no Zalo phone for ${d.to.id}`);
    const res = await post(
      this.cfg.url,
      {
        phone: d.to.zalo_phone,
        template_id: this.cfg.templateId,
        template_data: { title: d.title.slice(0, 100), ticket_id: d.ticketId ?? '', link: d.link },
        tracking_id: d.key,
      },
      { access_token: this.cfg.accessToken },
    );
    const answer = (await res.json().catch(() => null)) as { error?: number; message?: string } | null;
    if (answer?.error !== 0)
      throw new PermanentDeliveryError(`ZNS error ${answer?.error ?? '?'}: ${answer?.message ?? ''}`);
  }
}

/**
 * Microsoft Teams incoming webhook: `{ type: "message", attachments: [{
 * contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null,
 * content: <Adaptive Card> }] }`, with an Action.OpenUrl button to the ticket.
 * A webhook posts to one channel, so the rules send one card per event, not per person.
 */
export class TeamsWebhookNotifier implements Notifier {
  readonly channel = 'teams' as const;

  constructor(private readonly cfg: { url: string }) {}

  async send(d: Delivery): Promise<void> {
    await post(this.cfg.url, {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: d.title, weight: 'Bolder', size: 'Medium', wrap: true },
              { type: 'TextBlock', text: d.text.split('\n')[0] ?? '', wrap: true },
            ],
            actions: [{ type: 'Action.OpenUrl', title: 'Mở phiếu / Open ticket', url: d.link }],
          },
        },
      ],
    });
  }
}
