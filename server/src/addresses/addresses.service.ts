import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ADDRESS_BOOK_CAP, SavedAddressView } from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { asEntity, columnsOf, prepared } from '../database/prepared';
import { runInTransaction } from '../database/run-in-transaction';
import type { Address } from '../orders/order.entity';
import { SavedAddress } from './address.entity';

type Fields = Partial<Address> & { isDefault?: boolean };

/** Where an order or a claim ships: an address given inline, or one of the caller's saved ones. */
export interface AddressChoice {
  address?: Address | null;
  addressId?: string | null;
}

function view(a: SavedAddress): SavedAddressView {
  return { id: a.id, name: a.name, phone: a.phone, region: a.region, detail: a.detail, isDefault: a.isDefault };
}

function copy(a: Address): Address {
  return { name: a.name, phone: a.phone, region: a.region, detail: a.detail };
}

/**
 * The address book. Every write locks the user's row first, so one user's concurrent writes take
 * turns and the "exactly one default" rule holds (the partial unique index backs it up).
 */
@Injectable()
export class AddressesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  async list(userId: string): Promise<SavedAddressView[]> {
    const rows = await this.db.manager.find(SavedAddress, {
      where: { userId },
      order: { isDefault: 'DESC', createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map(view);
  }

  add(userId: string, input: Address & { isDefault?: boolean }): Promise<SavedAddressView> {
    return runInTransaction(this.db, async (tx) => {
      await this.lockBook(tx, userId);
      const count = await tx.countBy(SavedAddress, { userId });
      if (count >= ADDRESS_BOOK_CAP) {
        throw new ConflictError(
          'ADDRESS_BOOK_FULL',
          `the address book holds at most ${ADDRESS_BOOK_CAP} addresses: delete one first`,
        );
      }
      const isDefault = count === 0 || input.isDefault === true;
      if (isDefault) await this.clearDefault(tx, userId);
      const row = tx.create(SavedAddress, { ...copy(input), userId, isDefault, createdAt: this.clock.now() });
      return view(await tx.save(row));
    });
  }

  update(userId: string, id: string, input: Fields): Promise<SavedAddressView> {
    return runInTransaction(this.db, async (tx) => {
      await this.lockBook(tx, userId);
      const row = await this.own(tx, userId, id);
      if (input.isDefault === false && row.isDefault) {
        throw new ConflictError('DEFAULT_ADDRESS_REQUIRED', 'isDefault: make another address the default instead');
      }
      if (input.isDefault === true && !row.isDefault) await this.clearDefault(tx, userId);
      for (const field of ['name', 'phone', 'region', 'detail'] as const) {
        if (input[field] !== undefined) row[field] = input[field];
      }
      if (input.isDefault === true) row.isDefault = true;
      return view(await tx.save(row));
    });
  }

  remove(userId: string, id: string): Promise<void> {
    return runInTransaction(this.db, async (tx) => {
      await this.lockBook(tx, userId);
      const row = await this.own(tx, userId, id);
      await tx.delete(SavedAddress, { id: row.id });
      if (!row.isDefault) return;
      const latest = await tx.findOne(SavedAddress, { where: { userId }, order: { createdAt: 'DESC', id: 'DESC' } });
      if (latest) await tx.update(SavedAddress, { id: latest.id }, { isDefault: true });
    });
  }

  /**
   * The address an order or claim ships to, as a copy: exactly one of `address` and `addressId`;
   * a saved address of someone else is a 404 like a missing one.
   */
  async resolve(manager: EntityManager, userId: string, choice: AddressChoice): Promise<Address> {
    const hasAddress = choice.address !== undefined && choice.address !== null;
    const hasId = choice.addressId !== undefined && choice.addressId !== null;
    if (hasAddress === hasId) {
      throw new InvalidInputError(
        'ADDRESS_REQUIRED',
        'give exactly one of address {name, phone, region, detail} and addressId',
      );
    }
    if (hasAddress) return copy(choice.address as Address);
    return copy(await this.own(manager, userId, choice.addressId as string));
  }

  private async own(manager: EntityManager, userId: string, id: string): Promise<SavedAddress> {
    const {
      rows: [row],
    } = await prepared<SavedAddress>(
      manager,
      'addresses.own',
      `SELECT ${columnsOf(manager, SavedAddress)} FROM addresses WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    if (!row) throw new NotFoundError('address');
    return asEntity(manager, SavedAddress, row);
  }

  private async lockBook(tx: EntityManager, userId: string): Promise<void> {
    // NO KEY UPDATE, as order creation does: rows that merely reference the user are not held up.
    await tx.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId]);
  }

  private async clearDefault(tx: EntityManager, userId: string): Promise<void> {
    await tx.update(SavedAddress, { userId, isDefault: true }, { isDefault: false });
  }
}
