import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { UploadedImageView } from '@giftshop/shared';
import { InvalidInputError } from '../common/domain-errors';
import { UploadInterceptor } from './upload.interceptor';
import { UploadedImage, UploadsService } from './uploads.service';

class UploadedImageDto implements UploadedImageView {
  @ApiProperty({ example: '/uploads/0f3a….webp' }) url!: string;
  @ApiProperty({ example: '/uploads/0f3a…-thumb.webp' }) thumbnailUrl!: string;
}

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    description: 'A JPEG, PNG or WebP image of at most 5 MB (checked by its content)',
  })
  @ApiCreatedResponse({ type: UploadedImageDto, description: 'The image and its thumbnail, for imageUrls' })
  @UseInterceptors(UploadInterceptor)
  upload(@UploadedFile() file: { buffer: Buffer } | undefined): Promise<UploadedImage> {
    if (!file) throw new InvalidInputError('FILE_REQUIRED', 'send the image as the multipart field "file"');
    return this.uploads.store(file.buffer);
  }
}
