import { DEFAULT_JOB_OPTIONS } from './job-options.js';
import { addJob, flowChild, flowJob, jobOptions, scheduledJob } from './job-producer.js';
import { JobName, QueueName } from './queue.types.js';

const data = { verificationId: 'v-1', correlationId: 'c-1' };

describe('the job producer helpers', () => {
  it('derive each job id from its payload, as the sweeper and the lookups expect', () => {
    expect(jobOptions({ name: JobName.DetermineEligibility, data }).jobId).toBe('determine-v-1');
    expect(jobOptions({ name: JobName.CheckRegistry, data: { ...data, source: 'VEHICLE_REGISTRATION' } }).jobId).toBe(
      'check-v-1-VEHICLE_REGISTRATION',
    );
    expect(jobOptions({ name: JobName.AdvanceReverificationRun, data: { runId: 'r-1', correlationId: 'c' } }).jobId).toBe('run-r-1');
    const event = { eventId: 'e-1', correlationId: 'c', type: 'decision.recorded' as const, decisionId: 'd-1' };
    expect(jobOptions({ name: JobName.DeliverWebhook, data: event }).jobId).toBe('notify-decision.recorded-d-1');
  });

  it('put the defaults first and the overrides over them, never over the id', () => {
    const options = jobOptions({ name: JobName.DetermineEligibility, data }, { attempts: 9, priority: 10 });
    expect(options).toEqual({ ...DEFAULT_JOB_OPTIONS, attempts: 9, priority: 10, jobId: 'determine-v-1' });
  });

  it('add a job by its name and payload', async () => {
    const queue = { add: jest.fn(async () => undefined) };
    await addJob(queue as never, { name: JobName.AdvanceReverificationRun, data: { runId: 'r-1', correlationId: 'c' } });
    expect(queue.add).toHaveBeenCalledWith(
      JobName.AdvanceReverificationRun,
      { runId: 'r-1', correlationId: 'c' },
      { ...DEFAULT_JOB_OPTIONS, jobId: 'run-r-1' },
    );
  });

  it('build a flow whose parent and children carry their ids and options', () => {
    const child = flowChild(
      'VehicleRegistry',
      { name: JobName.CheckRegistry, data: { ...data, source: 'V' } },
      { ignoreDependencyOnFailure: true },
    );
    const flow = flowJob(QueueName.Determination, { name: JobName.DetermineEligibility, data }, {}, [child]);
    expect(flow).toEqual({
      name: JobName.DetermineEligibility,
      queueName: QueueName.Determination,
      data,
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: 'determine-v-1' },
      children: [
        {
          name: JobName.CheckRegistry,
          queueName: 'VehicleRegistry',
          data: { ...data, source: 'V' },
          opts: { ...DEFAULT_JOB_OPTIONS, ignoreDependencyOnFailure: true, jobId: 'check-v-1-V' },
        },
      ],
    });
  });

  it("leave a scheduler's firings to BullMQ to name", () => {
    const template = scheduledJob({ name: JobName.StartScheduledReverification, data: { program: 'P', correlationId: 'c' } });
    expect(template).toEqual({
      name: JobName.StartScheduledReverification,
      data: { program: 'P', correlationId: 'c' },
      opts: DEFAULT_JOB_OPTIONS,
    });
  });
});
