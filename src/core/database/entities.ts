import { ApplicationMemberEntity } from '../../modules/applications/entities/application-member.entity.js';
import { ApplicationEntity } from '../../modules/applications/entities/application.entity.js';
import { DeterminationEntity } from '../../modules/verification/entities/determination.entity.js';
import { SourceCheckEntity } from '../../modules/verification/entities/source-check.entity.js';
import { VerificationEntity } from '../../modules/verification/entities/verification.entity.js';

export const ENTITIES = [ApplicationEntity, ApplicationMemberEntity, VerificationEntity, SourceCheckEntity, DeterminationEntity];
