import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictError } from '../common/domain-errors';
import { prepared } from '../database/prepared';

export interface StockLine {
  skuId: string;
  quantity: number;
}

/**
 * Stock moves only through these conditional updates, in the caller's transaction. A reservation
 * succeeds only while enough stock is left, so stock never goes below zero whatever the
 * concurrency (a CHECK constraint backs this up). SKUs are touched in id order to avoid deadlocks.
 */
@Injectable()
export class StockService {
  async reserve(tx: EntityManager, lines: StockLine[], describe: (skuId: string) => string): Promise<void> {
    for (const line of sortById(lines)) {
      const { rowCount } = await prepared(
        tx,
        'stock.reserve',
        'UPDATE skus SET stock = stock - $2 WHERE id = $1 AND stock >= $2',
        [line.skuId, line.quantity],
      );
      if (rowCount !== 1) throw new ConflictError('SOLD_OUT', `sold out: ${describe(line.skuId)}`);
    }
  }

  async release(tx: EntityManager, lines: StockLine[]): Promise<void> {
    for (const line of sortById(lines)) {
      await tx.query('UPDATE skus SET stock = stock + $2 WHERE id = $1', [line.skuId, line.quantity]);
    }
  }
}

function sortById(lines: StockLine[]): StockLine[] {
  return [...lines].sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
}
