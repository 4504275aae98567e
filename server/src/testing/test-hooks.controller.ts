import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { Request } from 'express';
import { Public } from '../identity/auth.decorators';
import { JobsService } from '../jobs/jobs.service';
import { SeedService } from '../seed/seed.service';
import { SharedTestClock } from './shared-test-clock';

class AdvanceClockDto {
  @ApiProperty({ description: 'Milliseconds to move the clock forward (at most a year)' })
  @IsInt()
  @Min(0)
  @Max(366 * 24 * 3_600_000)
  ms!: number;
}

class ResetDto {
  @ApiProperty({ enum: [true] }) ok!: true;
}

class ClockAdvancedDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'The server clock after the move' }) now!: string;
  @ApiProperty({ description: 'Jobs that became due and ran' }) jobsRun!: number;
}

class ClientAddressDto {
  @ApiProperty({ description: 'The address the server counts this request under (per-address rate limits)' })
  address!: string;
}

/** Routes for testers; the module exists only when the server runs with TEST_HOOKS=1. */
@ApiTags('test hooks (TEST_HOOKS=1 only)')
@Public()
@Controller('test')
export class TestHooksController {
  constructor(
    private readonly seed: SeedService,
    private readonly clock: SharedTestClock,
    private readonly jobs: JobsService,
  ) {}

  @Post('reset')
  @HttpCode(200)
  @ApiOkResponse({ type: ResetDto, description: 'Empties the database and reloads the demo seed' })
  async reset(): Promise<ResetDto> {
    await this.seed.reset();
    await this.clock.countReset();
    return { ok: true };
  }

  @Post('clock/advance')
  @HttpCode(200)
  @ApiOkResponse({
    type: ClockAdvancedDto,
    description: 'Moves the clock and runs every job that became due before answering',
  })
  async advance(@Body() body: AdvanceClockDto): Promise<ClockAdvancedDto> {
    const now = await this.clock.advance(body.ms);
    const jobsRun = await this.jobs.runDue();
    return { now: now.toISOString(), jobsRun };
  }

  @Get('client-address')
  @ApiOkResponse({
    type: ClientAddressDto,
    description: 'The client address as the server sees it behind its proxies (TRUST_PROXY)',
  })
  clientAddress(@Req() req: Request): ClientAddressDto {
    return { address: req.ip ?? '' };
  }
}
