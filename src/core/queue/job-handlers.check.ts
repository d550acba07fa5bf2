import { JOB_QUEUES, JobName } from './queue.types.js';

/** A processor as the check sees it: its name, the queue it works, and the job names it has handlers for. */
export interface ProcessorJobs {
  processor: string;
  queue: string;
  jobs: readonly string[];
}

/**
 * What is wrong with the processors of a worker process: a job name with no handler on the
 * queue it runs on, or with more than one; a handler for a name that is not a job of the
 * service, or on a queue where that job never runs; two processors on one queue.
 * `registryQueues`: the queues of the registry list, where CheckRegistry runs (JOB_QUEUES).
 */
export function jobHandlerProblems(processors: readonly ProcessorJobs[], registryQueues: readonly string[]): string[] {
  const problems: string[] = [];
  const queues = processors.map((processor) => processor.queue);
  for (const queue of new Set(queues)) {
    const on = processors.filter((processor) => processor.queue === queue).map((processor) => processor.processor);
    if (on.length > 1) problems.push(`queue ${queue} has ${on.length} processors: ${on.join(', ')}`);
  }
  const known = new Set<string>(Object.values(JobName));
  for (const { processor, jobs } of processors) {
    for (const job of jobs.filter((name) => !known.has(name))) problems.push(`${processor} handles ${job}, which is no job of the service`);
  }
  for (const name of Object.values(JobName)) {
    const route = JOB_QUEUES[name];
    const expected = route === 'registry' ? registryQueues : [route];
    const handlers = processors.filter((processor) => processor.jobs.includes(name));
    for (const queue of expected) {
      const count = handlers.filter((processor) => processor.queue === queue).length;
      if (count !== 1) problems.push(`${name} has ${count} handlers on queue ${queue}; it needs exactly one`);
    }
    for (const stray of handlers.filter((processor) => !expected.includes(processor.queue))) {
      problems.push(`${stray.processor} handles ${name} on queue ${stray.queue}, where that job never runs`);
    }
  }
  return problems;
}

/** Throws, naming every problem, unless each job name has exactly one handler where it runs. */
export function assertOneHandlerPerJob(processors: readonly ProcessorJobs[], registryQueues: readonly string[]): void {
  const problems = jobHandlerProblems(processors, registryQueues);
  if (problems.length > 0) throw new Error(`The job handlers do not add up:\n- ${problems.join('\n- ')}`);
}
