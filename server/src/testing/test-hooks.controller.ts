import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../identity/auth.decorators';
import { SeedService } from '../seed/seed.service';

/** Routes for testers; the module exists only when the server runs with TEST_HOOKS=1. */
@ApiTags('test hooks (TEST_HOOKS=1 only)')
@Public()
@Controller('test')
export class TestHooksController {
  constructor(private readonly seed: SeedService) {}

  @Post('reset')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Empties the database and reloads the demo seed' })
  async reset(): Promise<{ ok: true }> {
    await this.seed.reset();
    return { ok: true };
  }
}
