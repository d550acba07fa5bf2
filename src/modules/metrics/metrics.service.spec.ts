import { Metrics } from './metrics.service.js';

describe('Metrics', () => {
  it('gives each instance its own registry, so that a second application in the process does not throw', async () => {
    const first = new Metrics();
    const second = new Metrics();
    first.determinationStored('ELIGIBLE', 'MINIMUM_LIVING_ALLOWANCE');
    expect(await first.exposition()).toContain('hedui_determinations_total{outcome="ELIGIBLE",program="MINIMUM_LIVING_ALLOWANCE"} 1');
    expect(await second.exposition()).not.toContain('hedui_determinations_total{');
    expect(await second.exposition()).toContain('process_cpu_user_seconds_total');
  });

  it('times a job attempt from its start to its end, or to now when it will be retried', async () => {
    const metrics = new Metrics();
    jest.spyOn(Date, 'now').mockReturnValue(10_000);
    metrics.jobAttempt({ queueName: 'Determination', processedOn: 1_000, finishedOn: 3_500 }, 'completed');
    metrics.jobAttempt({ queueName: 'Determination', processedOn: 9_800 }, 'failed');
    jest.restoreAllMocks();
    // A job that never started (a stalled job failed by BullMQ) has no duration to record.
    metrics.jobAttempt({ queueName: 'Determination' }, 'failed');
    const text = await metrics.exposition();
    expect(text).toContain('hedui_job_duration_seconds_sum{queue="Determination",result="completed"} 2.5');
    expect(text).toContain('hedui_job_duration_seconds_count{queue="Determination",result="failed"} 1');
    expect(text).toContain('hedui_job_duration_seconds_sum{queue="Determination",result="failed"} 0.2');
  });

  it('counts registry requests by registry, operation and outcome, in seconds', async () => {
    const metrics = new Metrics();
    metrics.registryAttempt({ source: 'VEHICLE_REGISTRATION', operation: 'searchVehiclesByOwner', outcome: 'timeout', durationMs: 5000 });
    metrics.registryAttempt({ source: 'VEHICLE_REGISTRATION', operation: 'searchVehiclesByOwner', outcome: 'breaker_open', durationMs: 0 });
    const text = await metrics.exposition();
    expect(text).toContain(
      'hedui_registry_request_duration_seconds_sum{registry="VEHICLE_REGISTRATION",operation="searchVehiclesByOwner",outcome="timeout"} 5',
    );
    expect(text).toContain(
      'hedui_registry_request_duration_seconds_count{registry="VEHICLE_REGISTRATION",operation="searchVehiclesByOwner",outcome="breaker_open"} 1',
    );
  });

  it('counts audit events by action', async () => {
    const metrics = new Metrics();
    metrics.auditAppended(['REVIEW_RETURNED', 'VERIFICATION_REQUESTED', 'VERIFICATION_REQUESTED']);
    const text = await metrics.exposition();
    expect(text).toContain('hedui_audit_events_total{action="REVIEW_RETURNED"} 1');
    expect(text).toContain('hedui_audit_events_total{action="VERIFICATION_REQUESTED"} 2');
  });
});
