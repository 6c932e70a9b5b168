import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { EVIDENCE_KINDS, EvidenceKind } from '../../cases/case-evidence.record';

/** What an upload says about its file, in the query string (the body is the file itself). */
export class UploadFileQuery {
  @ApiProperty({ enum: EVIDENCE_KINDS, description: 'What the file is: an IOU (iou), a wage sheet, a contract, attendance, chat records…' })
  @IsIn(EVIDENCE_KINDS)
  kind: EvidenceKind;

  @ApiProperty({ example: '欠条.jpg', description: 'The file’s name as the user chose it' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({ description: 'The worker (claim) the file is about; left out: the whole case' })
  @IsOptional()
  @IsUUID()
  claimId?: string;

  @ApiPropertyOptional({ example: '包工头王某手写欠条，注明欠款 12,000 元' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
