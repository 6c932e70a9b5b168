import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** How the printable agreement shows workers' id numbers: masked (the default) or in full, to be signed. */
export const ID_NUMBER_DISPLAYS = ['masked', 'full'] as const;
export type IdNumberDisplay = (typeof ID_NUMBER_DISPLAYS)[number];

export class AgreementDocumentQuery {
  @ApiPropertyOptional({
    enum: ID_NUMBER_DISPLAYS,
    default: 'masked',
    description:
      'full: the workers’ id numbers in full, as the agreement to be signed needs them; only for roles that may ' +
      'reveal id numbers (workers.reveal), and written to the audit log like any reveal',
  })
  @IsOptional()
  @IsIn(ID_NUMBER_DISPLAYS)
  idNumbers?: IdNumberDisplay;
}
