import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { InvalidInputError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../common/domain-errors';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** multer in memory (5 MB at most, so no temporary files to clean up), one `file` part and little else. */
const Multer = FileInterceptor('file', {
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 20 },
});

/**
 * Reads the multipart body of POST /api/uploads (JSON parsing is skipped for it, see body-parsing.ts)
 * after the guards, so a caller without a token or over the rate limit is refused before the body is
 * read. multer's and busboy's errors become the API's errors: too large 413, anything malformed 400.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'multipart/form-data') {
      throw new UnsupportedMediaTypeError('UNSUPPORTED_MEDIA_TYPE', 'the body must be multipart/form-data');
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity') {
      throw new UnsupportedMediaTypeError('UNSUPPORTED_ENCODING', 'an upload must not be content-encoded');
    }
    try {
      return await this.multer.intercept(context, next);
    } catch (err) {
      throw uploadError(err);
    }
  }
}

function uploadError(err: unknown): unknown {
  const status = err instanceof HttpException ? err.getStatus() : undefined;
  if (status === 413) return new PayloadTooLargeError('FILE_TOO_LARGE', 'the file must be at most 5 MB');
  if (status === 400)
    return new InvalidInputError(
      'INVALID_MULTIPART',
      `the upload is malformed: ${err instanceof Error ? err.message : ''}`,
    );
  // busboy's own errors (a bad boundary or content type) carry no code multer knows.
  if (!(err instanceof HttpException)) {
    return new InvalidInputError('INVALID_MULTIPART', 'the upload is not a readable multipart/form-data body');
  }
  return err;
}
