import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** One member's full identity number, revealed on purpose (and audited). */
@ApiSchema({ name: 'RevealedIdNumber' })
export class RevealedIdNumberResponseDto {
  @ApiProperty({ example: '542523198001010012' })
  idNumber: string;
}
