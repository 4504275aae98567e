import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { ProductsService } from './products.service';
import { Shop, ShopFollow } from './shop.entity';
import { ShopsService } from './shops.service';
import { StockService } from './stock.service';

@Module({
  imports: [TypeOrmModule.forFeature([Shop, ShopFollow])],
  controllers: [CatalogController],
  providers: [ShopsService, ProductsService, StockService],
  exports: [ShopsService, ProductsService, StockService],
})
export class CatalogModule {}
