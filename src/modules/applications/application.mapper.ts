import type { Evaluation } from '../eligibility/eligibility.types.js';
import type { DecisionOnRecord } from './applications.repository.js';
import type { DeterminationEntity } from '../verification/entities/determination.entity.js';
import type { ApplicationRecord } from './applications.repository.js';
import type { ApplicationEntity } from './entities/application.entity.js';

/** The list view carries no personal data: members are read one application at a time. */
export function toApplicationSummary(application: ApplicationEntity) {
  return {
    id: application.id,
    status: application.status,
    program: application.program,
    regionCode: application.regionCode,
    applicationDate: application.applicationDate,
    submittedBy: application.submittedBy,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}

export function toApplicationView({ application, members, checks, determination, decisions }: ApplicationRecord) {
  const inForce = decisions.at(-1);
  return {
    ...toApplicationSummary(application),
    verificationId: application.currentVerificationId,
    members: members.map((member) => ({
      name: member.name,
      idNumber: member.idNumber,
      relationship: member.relationship,
      declaredMonthlyIncome: member.declaredMonthlyIncomeFen / 100,
      consent: { documentRef: member.consentDocumentRef, signedOn: member.consentSignedOn, signedBy: member.consentSignedBy },
    })),
    checks: checks.map((check) => ({
      source: check.source,
      status: check.status,
      attempts: check.attempts,
      failure: check.failure,
      requestIds: check.requestIds ? (JSON.parse(check.requestIds) as string[]) : [],
      answerSha256: check.answerSha256,
      startedAt: check.startedAt,
      finishedAt: check.finishedAt,
      durationMs: check.durationMs,
    })),
    determination: determination ? toDeterminationView(determination) : null,
    decision: inForce ? toDecisionView(inForce) : null,
    decisions: decisions.map((decision) => ({
      ...toDecisionView(decision),
      verificationId: decision.verificationId,
      determinationId: decision.determinationId,
    })),
  };
}

function toDecisionView(decision: DecisionOnRecord) {
  return { decision: decision.decision, reason: decision.reason, decidedBy: decision.decidedBy, decidedAt: decision.decidedAt };
}

function toDeterminationView(determination: DeterminationEntity) {
  const evaluation = JSON.parse(determination.evaluation) as Evaluation;
  return {
    verificationId: determination.verificationId,
    outcome: evaluation.outcome,
    findings: evaluation.findings,
    policyVersion: evaluation.policyVersion,
    facts: evaluation.facts,
    determinedAt: determination.determinedAt,
  };
}
