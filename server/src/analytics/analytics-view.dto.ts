import { ApiProperty } from '@nestjs/swagger';
import { SCENE_CODES, type Domain, type DomainAnalytics, type SceneAnalyticsRow, type Scene } from '@giftshop/shared';

/** The response classes of the analytics routes; each implements its view in @giftshop/shared. */

type DomainFigures = DomainAnalytics['public'];

export class SceneAnalyticsRowDto implements SceneAnalyticsRow {
  @ApiProperty() productId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SCENE_CODES }) scene!: Scene;
  @ApiProperty({ enum: ['public', 'private'] }) domain!: Domain;
  @ApiProperty() views!: number;
  @ApiProperty() orders!: number;
  @ApiProperty() gmvFen!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'orders / views, or null without views' })
  conversion!: number | null;
}

export class DomainFiguresDto implements DomainFigures {
  @ApiProperty() views!: number;
  @ApiProperty() orders!: number;
  @ApiProperty() gmvFen!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'orders / views, or null without views' })
  conversion!: number | null;
}

export class DomainAnalyticsDto implements DomainAnalytics {
  @ApiProperty({ type: DomainFiguresDto }) public!: DomainFiguresDto;
  @ApiProperty({ type: DomainFiguresDto, description: "The shop's followers (private domain)" })
  private!: DomainFiguresDto;
}
