import { Body, Controller, Get, Post, UseGuards } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BearerGuard } from './bearer.guard.js';
import { ENTRIES_PATH } from './bench-requests.js';
import { CreateEntryBody } from './create-entry.dto.js';
import { ENTRY_PAGE, type EntryPage } from './entry-page.js';

@Controller(ENTRIES_PATH)
@UseGuards(BearerGuard)
export class EntriesController {
  @Post()
  create(@Body() body: CreateEntryBody): { id: string; title: string } {
    return { id: randomUUID(), title: body.title };
  }

  @Get()
  list(): EntryPage {
    return ENTRY_PAGE;
  }
}
