import { Module } from '@nestjs/common';
import { SeedModule } from '../seed/seed.module';
import { TestHooksController } from './test-hooks.controller';

@Module({ imports: [SeedModule], controllers: [TestHooksController] })
export class TestHooksModule {}
