import { notificationJobData, webhookBody, webhookEventId } from './webhook-event.js';

const SUBJECT = '0f8e2a4c-3b1d-4c5e-9a7b-6d5c4b3a2f10';

describe('webhook events', () => {
  it('names an event by a version-5 UUID that depends on its type and subject only', () => {
    const id = webhookEventId('determination.made', SUBJECT);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(webhookEventId('determination.made', SUBJECT)).toBe(id);
    expect(webhookEventId('decision.recorded', SUBJECT)).not.toBe(id);
    expect(webhookEventId('determination.made', SUBJECT.replace(/0$/, '1'))).not.toBe(id);
  });

  it('puts ids only in the job data', () => {
    expect(notificationJobData('decision.recorded', SUBJECT, 'corr-1')).toEqual({
      eventId: webhookEventId('decision.recorded', SUBJECT),
      type: 'decision.recorded',
      decisionId: SUBJECT,
      correlationId: 'corr-1',
    });
  });

  it('writes the body with exactly the announced fields, in a fixed order', () => {
    const facts = {
      regionCode: '542523',
      program: 'MINIMUM_LIVING_ALLOWANCE' as const,
      verificationId: 'v-1',
      applicationId: 'a-1',
      occurredAt: '2026-11-28T10:00:00.000Z',
      outcome: 'ELIGIBLE' as const,
    };
    expect(webhookBody('e-1', 'determination.made', facts)).toBe(
      '{"id":"e-1","type":"determination.made","occurredAt":"2026-11-28T10:00:00.000Z","applicationId":"a-1",' +
        '"verificationId":"v-1","program":"MINIMUM_LIVING_ALLOWANCE","regionCode":"542523","outcome":"ELIGIBLE"}',
    );
  });
});
