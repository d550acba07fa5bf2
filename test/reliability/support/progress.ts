import { Client } from 'pg';

/** Waits until the database holds at least `count` determinations, so that a fault lands mid-load. */
export async function waitForDeterminations(databaseUrl: string, count: number, timeoutMs = 60000): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      const { rows } = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM determinations');
      if (Number(rows[0].n) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`fewer than ${count} determinations within ${timeoutMs} ms`);
  } finally {
    await db.end();
  }
}
