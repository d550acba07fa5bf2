import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { DecisionValue } from '../entities/decision.entity.js';

/** A reviewer's decision, as the decision endpoint answers it and as an application shows it. */
@ApiSchema({ name: 'Decision' })
export class DecisionResponseDto {
  @ApiProperty({ enum: ['APPROVED', 'REJECTED'], enumName: 'DecisionValue' })
  decision: DecisionValue;

  @ApiProperty({ example: 'Household visited; the business was closed in 2024.' })
  reason: string;

  @ApiProperty({ description: 'The reviewer (a token’s `sub`).', example: 'bob' })
  decidedBy: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;
}

/** A decision as the application lists it: with the verification, and the determination, it was made on. */
@ApiSchema({ name: 'DecisionOnRecord' })
export class DecisionOnRecordDto extends DecisionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The verification whose determination the decision settled.' })
  verificationId: string;

  @ApiProperty({ format: 'uuid', description: 'That determination.' })
  determinationId: string;
}
