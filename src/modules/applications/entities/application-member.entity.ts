import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Relationship } from '../../registries/registry.types.js';

@Entity('application_members')
export class ApplicationMemberEntity {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  /** The member's place in the submitted list, so that error paths and answers keep its order. */
  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber: string;

  @Column({ type: 'varchar', length: 16 })
  relationship: Relationship;

  @Column({ name: 'declared_monthly_income_fen', type: 'integer' })
  declaredMonthlyIncomeFen: number;

  @Column({ name: 'consent_document_ref', type: 'varchar', length: 64 })
  consentDocumentRef: string;

  @Column({ name: 'consent_signed_on', type: 'varchar', length: 10 })
  consentSignedOn: string;

  @Column({ name: 'consent_signed_by', type: 'varchar', length: 8 })
  consentSignedBy: 'SELF' | 'GUARDIAN';
}
