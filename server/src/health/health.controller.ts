import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthView } from '@giftshop/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LaggingReads } from '../database/lagging-reads';
import { Public } from '../identity/auth.decorators';

class HealthDto implements HealthView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['postgres', 'pglite'] }) database!: HealthView['database'];
  @ApiProperty({ description: "The database server's version" }) version!: string;
  @ApiProperty({
    enum: ['primary', 'replica'],
    description:
      'Where search, product pages and analytics read now: the replica (DATABASE_READ_URL) while it lags ' +
      'less than DATABASE_READ_MAX_LAG_MS, otherwise the primary',
  })
  reads!: HealthView['reads'];
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly laggingReads: LaggingReads,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthView> {
    const rows: { server_version: string }[] = await this.db.query('SHOW server_version');
    return {
      status: 'ok',
      database: this.config.database.kind,
      version: rows[0].server_version,
      reads: this.laggingReads.from(),
    };
  }
}
