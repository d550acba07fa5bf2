import { createHmac } from 'node:crypto';

/**
 * The `X-Hedui-Signature` of a call: HMAC-SHA256, keyed with WEBHOOK_SECRET, of
 * `<timestamp>.<raw body>`, in hex. Signing the timestamp with the body lets a receiver
 * refuse a replayed call by its age.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
