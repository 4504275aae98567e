import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
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
}
