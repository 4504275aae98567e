import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthView } from '@giftshop/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Public } from '../identity/auth.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{status, database: "postgres"|"pglite", version}' })
  async health(): Promise<HealthView> {
    const rows: { server_version: string }[] = await this.db.query('SHOW server_version');
    return { status: 'ok', database: this.config.database.kind, version: rows[0].server_version };
  }
}
