import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { GroupDealSummaryView, GroupDealView, TeamOrderView, TeamView } from '@giftshop/shared';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser, Public } from '../identity/auth.decorators';
import { ApiIdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-header';
import { GroupBuyViewsService } from './group-buy-views.service';
import { GroupDealDto, GroupDealSummaryDto, TeamDto, TeamOrderDto } from './group-buy-view.dto';
import { CreateGroupDealDto, ListTeamsQuery, OpenTeamDto, SeatDto, UpdateGroupDealDto } from './group-buys.dto';
import { GroupBuysService } from './group-buys.service';

@ApiTags('group-buys')
@ApiBearerAuth()
@Controller()
export class GroupBuysController {
  constructor(
    private readonly groupBuys: GroupBuysService,
    private readonly views: GroupBuyViewsService,
  ) {}

  @Post('shops/:shopId/group-deals')
  @ApiCreatedResponse({ type: GroupDealDto, description: 'The shop owner only; one active deal per product' })
  createDeal(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Body() body: CreateGroupDealDto,
  ): Promise<GroupDealView> {
    return this.groupBuys.createDeal(caller.userId, shopId, body);
  }

  @Get('shops/:shopId/group-deals')
  @ApiOkResponse({ type: [GroupDealSummaryDto], description: 'The shop owner only: deals with their teams by status' })
  deals(@CurrentUser() caller: Caller, @UuidParam('shopId') shopId: string): Promise<GroupDealSummaryView[]> {
    return this.views.dealsOf(caller.userId, shopId);
  }

  @Patch('group-deals/:id')
  @ApiOkResponse({ type: GroupDealDto, description: 'Ends the deal: no new teams; its teams run to their end' })
  endDeal(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Body() _body: UpdateGroupDealDto,
  ): Promise<GroupDealView> {
    return this.groupBuys.endDeal(caller.userId, id);
  }

  @Get('group-deals/:id/teams')
  @ApiOkResponse({ type: [TeamDto], description: 'The shop owner only: the deal’s teams, newest first' })
  dealTeams(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<TeamView[]> {
    return this.views.teamsOf(caller.userId, id);
  }

  @Post('group-buys')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: TeamOrderDto,
    description: 'Opens a team (forming) with the caller as leader; paying the order opens it',
  })
  open(
    @CurrentUser() caller: Caller,
    @Body() body: OpenTeamDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<TeamOrderView> {
    return this.groupBuys.open(caller.userId, body, key);
  }

  @Post('group-buys/:teamId/join')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: TeamOrderDto,
    description: 'Holds a seat until the order is paid or cancelled. 409 TEAM_FULL, ALREADY_IN_TEAM, TEAM_CLOSED',
  })
  join(
    @CurrentUser() caller: Caller,
    @UuidParam('teamId') teamId: string,
    @Body() body: SeatDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<TeamOrderView> {
    return this.groupBuys.join(caller.userId, teamId, body, key);
  }

  @Get('group-buys')
  @ApiOkResponse({ type: [TeamDto], description: 'The caller’s teams, newest first' })
  mine(@CurrentUser() caller: Caller, @Query() _query: ListTeamsQuery): Promise<TeamView[]> {
    return this.views.mine(caller.userId);
  }

  @Get('group-buys/:teamId')
  @Public()
  @ApiOkResponse({ type: TeamDto, description: 'Anyone with the link: members and seats, never an address' })
  team(@UuidParam('teamId') teamId: string): Promise<TeamView> {
    return this.views.team(teamId);
  }
}
