import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import type { WebhookEventType } from './webhook-event.js';
import { webhookSignature } from './webhook-signature.js';

/**
 * A call the receiver did not accept. `retryable`: a timeout, a network error, 408, 429 or a
 * 5xx, which a later call may get past; anything else (another 4xx, a redirect) would get
 * the same answer again. `status` is the receiver's HTTP status, null if it never answered.
 */
export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';

  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface WebhookCall {
  eventId: string;
  type: WebhookEventType;
  /** The JSON body, exactly as signed and sent. */
  body: string;
}

/** Whether a call that got this (non-2xx) status is worth making again. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Makes one signed call to WEBHOOK_URL (or, for an audit checkpoint, AUDIT_WITNESS_URL); retrying is the queue's business. */
@Injectable()
export class WebhookClient {
  constructor(private readonly config: AppConfig) {}

  /** Answers the receiver's 2xx status; throws WebhookDeliveryError for anything else. */
  async send(call: WebhookCall): Promise<number> {
    const timeoutMs = this.config.WEBHOOK_TIMEOUT_MS;
    // Audit checkpoints go to the witness, with its own key; everything else to the deployment's webhook.
    const witness = call.type === 'audit.checkpoint';
    const url = witness ? this.config.AUDIT_WITNESS_URL : this.config.WEBHOOK_URL;
    const secret = witness ? this.config.AUDIT_WITNESS_SECRET : this.config.WEBHOOK_SECRET;
    if (!url || !secret) throw new WebhookDeliveryError(`${witness ? 'AUDIT_WITNESS_URL' : 'WEBHOOK_URL'} is not set`, null, false);
    // Wall-clock time, not the service's Clock: the receiver compares it with its own clock.
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Hedui-Event': call.type,
          'X-Hedui-Delivery': call.eventId,
          'X-Hedui-Timestamp': timestamp,
          'X-Hedui-Signature': webhookSignature(secret, timestamp, call.body),
        },
        body: call.body,
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect is a misconfigured receiver: following it would send the call where nobody set it to go.
        redirect: 'manual',
      });
      status = response.status;
      // The answer's body means nothing here; it is discarded so that the connection can be reused.
      await response.body?.cancel();
    } catch (error) {
      throw new WebhookDeliveryError(describeFetchFailure(error, timeoutMs), null, true);
    }
    if (status >= 200 && status < 300) return status;
    throw new WebhookDeliveryError(`The receiver answered ${status}`, status, retryableStatus(status));
  }
}

/**
 * A timeout or a network error code (`ECONNREFUSED`); never the URL, which may carry a
 * credential. The timeout is recognised by name: a DOMException is not always `instanceof Error`.
 */
function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError') return `No answer within ${timeoutMs} ms`;
  return typeof cause?.code === 'string' ? `Connection failed (${cause.code})` : 'Connection failed';
}
