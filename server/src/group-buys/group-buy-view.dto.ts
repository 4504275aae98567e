import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  GroupDealSkuView,
  GroupDealStatus,
  GroupDealSummaryView,
  GroupDealView,
  TeamMemberView,
  TeamOrderView,
  TeamStatus,
  TeamView,
} from '@giftshop/shared';
import { ApiStringOrNull, ApiTime, ApiTimeOrNull } from '../common/api-schema';

/** The response classes of the group-buy routes; each implements its view in @giftshop/shared. */

const TEAM_STATUSES: TeamStatus[] = ['forming', 'open', 'formed', 'failed', 'cancelled'];

export class GroupDealSkuDto implements GroupDealSkuView {
  @ApiProperty() skuId!: string;
  @ApiProperty({ description: 'The group price, below the SKU’s own' }) groupPriceFen!: number;
}

export class GroupDealDto implements GroupDealView {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty({ minimum: 2, maximum: 50 }) groupSize!: number;
  @ApiProperty({ minimum: 1, maximum: 48 }) windowHours!: number;
  @ApiProperty({ enum: ['active', 'ended'] }) status!: GroupDealStatus;
  @ApiProperty({ type: [GroupDealSkuDto] }) skus!: GroupDealSkuDto[];
  @ApiTime() createdAt!: string;
  @ApiTimeOrNull() endedAt!: string | null;
}

class TeamCountsDto implements Record<TeamStatus, number> {
  @ApiProperty() forming!: number;
  @ApiProperty() open!: number;
  @ApiProperty() formed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() cancelled!: number;
}

export class GroupDealSummaryDto extends GroupDealDto implements GroupDealSummaryView {
  @ApiProperty() productTitle!: string;
  @ApiProperty({ type: TeamCountsDto, description: 'The deal’s teams by status' }) teams!: TeamCountsDto;
}

export class TeamMemberDto implements TeamMemberView {
  @ApiProperty() userId!: string;
  @ApiProperty() nickname!: string;
  @ApiStringOrNull() avatarUrl!: string | null;
  @ApiTimeOrNull('Null while the seat is held by an unpaid order') paidAt!: string | null;
  @ApiProperty() leader!: boolean;
}

export class TeamDto implements TeamView {
  @ApiProperty() id!: string;
  @ApiProperty() dealId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() productTitle!: string;
  @ApiStringOrNull() imageUrl!: string | null;
  @ApiProperty({ type: [GroupDealSkuDto] }) skus!: GroupDealSkuDto[];
  @ApiProperty({ enum: TEAM_STATUSES }) status!: TeamStatus;
  @ApiProperty() groupSize!: number;
  @ApiProperty({ description: 'Paid members' }) paidCount!: number;
  @ApiProperty({ description: 'groupSize − paid − held' }) seatsLeft!: number;
  @ApiTimeOrNull('Set when the leader pays: the team fails if not formed by then') expiresAt!: string | null;
  @ApiTimeOrNull() formedAt!: string | null;
  @ApiTime() createdAt!: string;
  @ApiProperty({ type: [TeamMemberDto] }) members!: TeamMemberDto[];
}

export class TeamOrderDto implements TeamOrderView {
  @ApiProperty() teamId!: string;
  @ApiProperty({ description: 'Pay it with POST /api/orders/:orderId/pay' }) orderId!: string;
  @ApiProperty() totalFen!: number;
}

/** For the product view. */
export const GROUP_DEAL_PROPERTY = ApiPropertyOptional({
  type: GroupDealDto,
  nullable: true,
  description: 'Its active group deal (拼团), if any',
});
