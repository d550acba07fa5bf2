import { runAuditVerify } from './audit-verify.command.js';

/**
 * Verifies an audit log offline, against a checkpoint kept outside the deployment:
 *   npm run audit:verify -- --database-url postgres://auditor@db/hedui --checkpoint cp.jws --public-key keys.pem
 * Prints the verdict as JSON; exits 0 when valid, 1 when not, 2 when the input is unusable.
 */
runAuditVerify(process.argv.slice(2)).then(
  ({ code, output }) => {
    (code === 2 ? console.error : console.log)(output);
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
