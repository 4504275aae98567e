import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CheckoutBenefitsService } from './checkout-benefits.service';
import { CouponsController } from './coupons.controller';
import { CouponsService } from './coupons.service';

/**
 * What discounts or pays for an order at checkout besides WeChat Pay: coupons (issued, claimed,
 * used) and gift-card balances (docs/ARCHITECTURE.md). Orders ask it; it knows nothing of orders
 * but their events.
 */
@Module({
  imports: [CatalogModule],
  controllers: [CouponsController],
  providers: [CouponsService, CheckoutBenefitsService],
  exports: [CheckoutBenefitsService],
})
export class CheckoutModule {}
