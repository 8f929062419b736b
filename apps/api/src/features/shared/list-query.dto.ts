import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { HasNoNul } from './validators.js';

export const DEFAULT_LIST_SIZE = 100;
/** 1 to 1000, written plainly (no signs, exponents or leading zeros). */
const PAGE_SIZE = /^(?:[1-9]\d{0,2}|1000)$/;
/** A list's cursor carries the last name or title sent, which may be long and written in any script. */
const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;

/** The lists and lookups (committees, a committee's meetings, people, posts): a page at a time after the last row seen. */
export class ListQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'after must be the nextAfter of a previous page' })
  readonly after?: string;

  @ApiPropertyOptional({ example: '100', description: `Rows per page, 1 to 1000 (default ${DEFAULT_LIST_SIZE})` })
  @IsOptional()
  @IsString()
  @Matches(PAGE_SIZE, { message: 'limit must be a whole number from 1 to 1000' })
  readonly limit?: string;
}

export class NameListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'adult care', maxLength: 300, description: 'Only names containing this text, in any case' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly name?: string;
}

export class TitleListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'project manager', maxLength: 300, description: 'Only titles containing this text, in any case' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @HasNoNul()
  readonly title?: string;
}

export interface ListPaging {
  readonly after?: string | undefined;
  readonly limit: number;
}

export const listPagingOf = (query: ListQueryDto): ListPaging => ({
  after: query.after,
  limit: query.limit === undefined ? DEFAULT_LIST_SIZE : Number(query.limit),
});
