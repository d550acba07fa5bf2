import type { toApplicationView } from './application.mapper.js';

type ApplicationView = ReturnType<typeof toApplicationView>;

/** A resident identity number's shape: what a finding's evidence may hold as its record key. */
const ID_NUMBER = /^\d{17}[\dX]$/;
const KEPT = 4;

/** All but the last four characters replaced by `*`: enough to tell members apart, not to use the number. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length <= KEPT ? '*'.repeat(idNumber.length) : '*'.repeat(idNumber.length - KEPT) + idNumber.slice(-KEPT);
}

/**
 * The application view with every identity number masked: members', findings' `memberIdNumber`,
 * and evidence whose record key is an identity number. Everything else is as it was.
 */
export function maskApplicationView(view: ApplicationView): ApplicationView {
  const determination = view.determination && {
    ...view.determination,
    findings: view.determination.findings.map((finding) => ({
      ...finding,
      memberIdNumber: finding.memberIdNumber === null ? null : maskIdNumber(finding.memberIdNumber),
      evidence: finding.evidence.map((item) =>
        ID_NUMBER.test(item.recordKey) ? { ...item, recordKey: maskIdNumber(item.recordKey) } : item,
      ),
    })),
  };
  return {
    ...view,
    members: view.members.map((member) => ({ ...member, idNumber: maskIdNumber(member.idNumber) })),
    determination,
  };
}
