import { Module } from '@nestjs/common';
import { CorrectResolutionHandler } from './correct-resolution.command.js';
import { PassResolutionHandler } from './pass-resolution.command.js';
import { GetResolutionHistoryHandler } from './resolution-history.query.js';
import { ResolutionsController } from './resolutions.controller.js';

@Module({
  controllers: [ResolutionsController],
  providers: [PassResolutionHandler, CorrectResolutionHandler, GetResolutionHistoryHandler],
})
export class ResolutionsModule {}
