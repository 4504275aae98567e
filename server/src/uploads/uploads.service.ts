import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { InvalidInputError, UnsupportedMediaTypeError } from '../common/domain-errors';
import { APP_CONFIG, AppConfig } from '../config/config';

/** Where uploaded images are served from (app.factory.ts mounts UPLOAD_DIR here). */
export const UPLOADS_PATH = '/uploads';
const FORMATS = new Set(['jpeg', 'png', 'webp']);
/** A 5 MB PNG of one colour can hold billions of pixels: refuse before decoding it. */
const MAX_PIXELS = 40_000_000;
const LARGEST_SIDE = 1600;
const THUMB_SIDE = 400;

export interface UploadedImage {
  url: string;
  thumbnailUrl: string;
}

const notAnImage = () => new UnsupportedMediaTypeError('NOT_AN_IMAGE', 'the file must be a JPEG, PNG or WebP image');

/**
 * Stores an uploaded image: what it is comes from its bytes (sharp reads its header), never its
 * name or declared type. It is re-encoded as WebP (which also drops EXIF, GPS included) at most
 * 1600 px a side, with a 400 px square thumbnail, under names made of the content's hash, so
 * they can be cached for ever and the same image uploaded twice is stored once.
 */
@Injectable()
export class UploadsService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async store(bytes: Buffer): Promise<UploadedImage> {
    const meta = await sharp(bytes)
      .metadata()
      .catch(() => {
        throw notAnImage();
      });
    if (!meta.format || !FORMATS.has(meta.format)) throw notAnImage();
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) {
      throw new InvalidInputError('IMAGE_TOO_LARGE', `the image must be at most ${MAX_PIXELS / 1e6} megapixels`);
    }
    // rotate(): applies the EXIF orientation before it is dropped.
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const [full, thumb] = await Promise.all([
      image
        .clone()
        .resize(LARGEST_SIDE, LARGEST_SIDE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer(),
      image.clone().resize(THUMB_SIDE, THUMB_SIDE, { fit: 'cover' }).webp({ quality: 75 }).toBuffer(),
    ]).catch(() => {
      // The header was an image's, the rest was not (truncated or corrupt).
      throw notAnImage();
    });
    const name = createHash('sha256').update(full).digest('hex').slice(0, 32);
    await mkdir(this.config.uploadDir, { recursive: true });
    await this.write(`${name}.webp`, full);
    await this.write(`${name}-thumb.webp`, thumb);
    return { url: `${UPLOADS_PATH}/${name}.webp`, thumbnailUrl: `${UPLOADS_PATH}/${name}-thumb.webp` };
  }

  /** Written under a temporary name and renamed, so a reader never sees half a file. */
  private async write(fileName: string, bytes: Buffer): Promise<void> {
    const path = join(this.config.uploadDir, fileName);
    if (existsSync(path)) return;
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }
}
