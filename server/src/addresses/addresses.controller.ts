import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SavedAddressView } from '@giftshop/shared';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { CreateAddressDto, SavedAddressDto, UpdateAddressDto } from './addresses.dto';
import { AddressesService } from './addresses.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('me/addresses')
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  @Get()
  @ApiOkResponse({ type: [SavedAddressDto], description: "The caller's address book, the default first" })
  list(@CurrentUser() caller: Caller): Promise<SavedAddressView[]> {
    return this.addresses.list(caller.userId);
  }

  @Post()
  @ApiCreatedResponse({ type: SavedAddressDto, description: 'The first address is the default. 409 ADDRESS_BOOK_FULL' })
  add(@CurrentUser() caller: Caller, @Body() body: CreateAddressDto): Promise<SavedAddressView> {
    return this.addresses.add(caller.userId, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SavedAddressDto, description: "isDefault: true clears the others' default" })
  update(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: UpdateAddressDto,
  ): Promise<SavedAddressView> {
    return this.addresses.update(caller.userId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleting the default makes the most recent remaining one the default' })
  remove(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<void> {
    return this.addresses.remove(caller.userId, id);
  }
}
