import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CATEGORIES, CategoryView, Page, ProductSummaryView, ProductView, ShopView } from '@giftshop/shared';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser, OptionalUser, Public } from '../identity/auth.decorators';
import {
  CategoryDto,
  CreateProductDto,
  CreateShopDto,
  ListProductsQuery,
  ProductDto,
  ProductPageDto,
  ReadProductQuery,
  ShopDto,
  UpdateProductDto,
} from './catalog.dto';
import { ProductsService } from './products.service';
import { ShopsService } from './shops.service';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(
    private readonly shops: ShopsService,
    private readonly products: ProductsService,
  ) {}

  @Public()
  @Get('categories')
  @ApiOkResponse({ type: [CategoryDto], description: 'The category table: fee rate and whether gifts are allowed' })
  categories(): CategoryView[] {
    return CATEGORIES.map((c) => ({ ...c, parentCode: c.parentCode ?? null }));
  }

  @Post('shops')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: ShopDto })
  createShop(@CurrentUser() caller: Caller, @Body() body: CreateShopDto): Promise<ShopView> {
    return this.shops.create(caller.userId, body.name);
  }

  @Public()
  @Get('shops/:shopId')
  @ApiOkResponse({ type: ShopDto })
  getShop(@OptionalUser() caller: Caller | undefined, @UuidParam('shopId') shopId: string): Promise<ShopView> {
    return this.shops.get(shopId, caller?.userId);
  }

  @Post('shops/:shopId/follow')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: ShopDto, description: 'The caller follows the shop (public → private domain)' })
  follow(@CurrentUser() caller: Caller, @UuidParam('shopId') shopId: string): Promise<ShopView> {
    return this.shops.follow(shopId, caller.userId);
  }

  @Delete('shops/:shopId/follow')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ShopDto })
  unfollow(@CurrentUser() caller: Caller, @UuidParam('shopId') shopId: string): Promise<ShopView> {
    return this.shops.unfollow(shopId, caller.userId);
  }

  @Post('shops/:shopId/products')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: ProductDto, description: 'Lists a product; owner of the shop only' })
  createProduct(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Body() body: CreateProductDto,
  ): Promise<ProductView> {
    return this.products.create(shopId, caller.userId, body);
  }

  @Get('shops/:shopId/products')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [ProductDto], description: "The merchant console's list, delisted included; owner only" })
  listShopProducts(@CurrentUser() caller: Caller, @UuidParam('shopId') shopId: string): Promise<ProductView[]> {
    return this.products.listForOwner(shopId, caller.userId);
  }

  @Public()
  @Get('products')
  @ApiOkResponse({ type: ProductPageDto, description: 'Listed products, newest first' })
  listProducts(@Query() query: ListProductsQuery): Promise<Page<ProductSummaryView>> {
    return this.products.list({ ...query, limit: query.limit ?? 20, offset: query.offset ?? 0 });
  }

  @Public()
  @Get('products/:id')
  @ApiOkResponse({ type: ProductDto, description: 'With ?scene=, records a view in that scene' })
  readProduct(
    @OptionalUser() caller: Caller | undefined,
    @UuidParam('id') id: string,
    @Query() query: ReadProductQuery,
  ): Promise<ProductView> {
    return this.products.read(id, caller?.userId, query.scene, query.sharer);
  }

  @Patch('products/:id')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ProductDto })
  updateProduct(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: UpdateProductDto,
  ): Promise<ProductView> {
    return this.products.update(id, caller.userId, body);
  }
}
