import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FulfilmentService } from './fulfilment.service';

/**
 * Shipping and its lifecycle, for every parcel. It depends on no feature module: orders and gifts
 * use it, and hear back from it through domain events.
 */
@Module({
  imports: [CatalogModule],
  providers: [FulfilmentService],
  exports: [FulfilmentService],
})
export class FulfilmentModule {}
