import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export const RAG_STATUSES = ['red', 'amber', 'green'] as const;

/** Shaped like the api's command bodies: a few strings, an id, a date and an enum, one field optional. */
export class CreateEntryBody {
  @IsString()
  @Length(3, 200)
  title!: string;

  @IsUUID()
  ownerId!: string;

  @IsISO8601({ strict: true })
  dueOn!: string;

  @IsIn(RAG_STATUSES)
  rag!: (typeof RAG_STATUSES)[number];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
